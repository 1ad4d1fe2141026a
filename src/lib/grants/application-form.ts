// One application as officers type it or import it from a spreadsheet: checked field by field,
// with a plain-English message per field, and turned into what api.add_application expects.
// Plain checks rather than zod: these are simple, and zod would add about 28 kB (gzipped) to the
// officers' page. The database checks again and has the last word.
import { csvRecords, parseCsv } from '../csv.ts';
import { parsePounds } from '../money.ts';

export const APPLICATION_COLUMNS = [
  'organisation_name',
  'organisation_type',
  'charity_number',
  'company_number',
  'contact_name',
  'contact_email',
  'contact_phone',
  'project_title',
  'description',
  'amount_requested',
  'area',
  'beneficiaries',
  'outcomes',
] as const;

export type ApplicationFields = Record<(typeof APPLICATION_COLUMNS)[number], string>;

export const ORGANISATION_TYPES = [
  'registered charity',
  'charitable incorporated organisation',
  'community interest company',
  'company limited by guarantee',
  'community group',
  'social enterprise',
  'other',
] as const;

/** Each field's check: the cleaned value, or the message to show next to the field. */
type Check = (value: string) => { value: unknown } | { problem: string };
const required =
  (message: string): Check =>
  (v) =>
    v ? { value: v } : { problem: message };
const optional =
  (test?: RegExp, message = ''): Check =>
  (v) =>
    !v ? { value: null } : !test || test.test(v) ? { value: v } : { problem: message };

const CHECKS: Record<keyof ApplicationFields, Check> = {
  organisation_name: required("Enter the organisation's name"),
  organisation_type: (v) =>
    (ORGANISATION_TYPES as readonly string[]).includes(v.toLowerCase())
      ? { value: v.toLowerCase() }
      : { problem: `Choose the type of organisation: ${ORGANISATION_TYPES.join(', ')}` },
  charity_number: optional(/^\d{6,8}$/, 'A charity number is 6 to 8 digits, like 1123456'),
  company_number: optional(/^[A-Z0-9]{8}$/i, 'A company number is 8 characters, like 09876543'),
  contact_name: required("Enter the contact person's name"),
  contact_email: optional(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter an email address like name@example.org'),
  contact_phone: optional(),
  project_title: required('Enter the project title'),
  description: required('Describe the project'),
  amount_requested: (v) => {
    if (!v) return { problem: 'Enter the amount asked for' };
    const n = parsePounds(v);
    return Number.isFinite(n) && n > 0 ? { value: n } : { problem: 'Enter the amount asked for in pounds, like 5000' };
  },
  area: optional(),
  beneficiaries: optional(),
  outcomes: optional(),
};

export type FieldProblems = Partial<Record<keyof ApplicationFields, string>>;

export function checkApplication(
  fields: Partial<ApplicationFields>,
): { ok: true; application: Record<string, unknown> } | { ok: false; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const values: Record<string, unknown> = {};
  for (const c of APPLICATION_COLUMNS) {
    const result = CHECKS[c](String(fields[c] ?? '').trim());
    if ('problem' in result) problems[c] = result.problem;
    else values[c] = result.value;
  }
  // Asked only once every field is right, so it never hides a field's own message.
  if (!Object.keys(problems).length && !values.contact_email && !values.contact_phone) {
    problems.contact_email = 'Enter an email address or a phone number for the contact person';
  }
  if (Object.keys(problems).length) return { ok: false, problems };
  const { contact_name, contact_email, contact_phone, ...rest } = values;
  return { ok: true, application: { ...rest, contact: { name: contact_name, email: contact_email, phone: contact_phone } } };
}

export interface ImportRow {
  line: number;
  application?: Record<string, unknown>;
  problems: string[];
}

/** Each spreadsheet row checked on its own, so one bad row does not stop the others. */
export function readApplicationsCsv(text: string): { rows: ImportRow[]; problem?: string } {
  const parsed = parseCsv(text);
  if (parsed.problem) return { rows: [], problem: parsed.problem };
  const { header, records } = csvRecords(parsed);
  const missing = ['organisation_name', 'organisation_type', 'contact_name', 'project_title', 'description', 'amount_requested'].filter(
    (c) => !header.includes(c),
  );
  if (missing.length) return { rows: [], problem: `The first row must name the columns. These are missing: ${missing.join(', ')}.` };
  return {
    rows: records
      .filter((r) => Object.values(r.values).some((v) => v !== ''))
      .map((r) => {
        const checked = checkApplication(r.values as Partial<ApplicationFields>);
        return checked.ok
          ? { line: r.line, application: checked.application, problems: [] }
          : { line: r.line, problems: Object.values(checked.problems) as string[] };
      }),
  };
}
