// One application as officers type it or import it from a spreadsheet: checked with zod, with a
// plain-English message per field, and turned into what api.add_application expects.
import { z } from 'zod';
import { csvRecords, parseCsv } from '../csv.ts';

export const APPLICATION_COLUMNS = [
  'organisation_name', 'organisation_type', 'charity_number', 'company_number', 'contact_name', 'contact_email', 'contact_phone',
  'project_title', 'description', 'amount_requested', 'area', 'beneficiaries', 'outcomes',
] as const;

export type ApplicationFields = Record<(typeof APPLICATION_COLUMNS)[number], string>;

export const ORGANISATION_TYPES = ['registered charity', 'charitable incorporated organisation', 'community interest company',
  'company limited by guarantee', 'community group', 'social enterprise', 'other'] as const;

const optional = z.string().trim().transform((s) => s || null);
const schema = z.object({
  organisation_name: z.string().trim().min(1, "Enter the organisation's name"),
  organisation_type: z.string().trim().toLowerCase().refine((s) => (ORGANISATION_TYPES as readonly string[]).includes(s), `Choose the type of organisation: ${ORGANISATION_TYPES.join(', ')}`),
  charity_number: optional.refine((s) => s === null || /^\d{6,8}$/.test(s), 'A charity number is 6 to 8 digits, like 1123456'),
  company_number: optional.refine((s) => s === null || /^[A-Z0-9]{8}$/i.test(s), 'A company number is 8 characters, like 09876543'),
  contact_name: z.string().trim().min(1, "Enter the contact person's name"),
  contact_email: optional.refine((s) => s === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s), 'Enter an email address like name@example.org'),
  contact_phone: optional,
  project_title: z.string().trim().min(1, 'Enter the project title'),
  description: z.string().trim().min(1, 'Describe the project'),
  amount_requested: z.string().trim().min(1, 'Enter the amount asked for').transform((s) => Number(s.replace(/[£,\s]/g, '')))
    .refine((n) => Number.isFinite(n) && n > 0, 'Enter the amount asked for in pounds, like 5000'),
  area: optional,
  beneficiaries: optional,
  outcomes: optional,
}).refine((a) => a.contact_email || a.contact_phone, { path: ['contact_email'], message: 'Enter an email address or a phone number for the contact person' });

export type FieldProblems = Partial<Record<keyof ApplicationFields, string>>;

export function checkApplication(fields: Partial<ApplicationFields>): { ok: true; application: Record<string, unknown> } | { ok: false; problems: FieldProblems } {
  const filled = Object.fromEntries(APPLICATION_COLUMNS.map((c) => [c, fields[c] ?? '']));
  const result = schema.safeParse(filled);
  if (!result.success) {
    const problems: FieldProblems = {};
    for (const issue of result.error.issues) problems[issue.path[0] as keyof ApplicationFields] ??= issue.message;
    return { ok: false, problems };
  }
  const { contact_name, contact_email, contact_phone, ...rest } = result.data;
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
  const missing = ['organisation_name', 'organisation_type', 'contact_name', 'project_title', 'description', 'amount_requested'].filter((c) => !header.includes(c));
  if (missing.length) return { rows: [], problem: `The first row must name the columns. These are missing: ${missing.join(', ')}.` };
  return {
    rows: records
      .filter((r) => Object.values(r.values).some((v) => v !== ''))
      .map((r) => {
        const checked = checkApplication(r.values as Partial<ApplicationFields>);
        return checked.ok ? { line: r.line, application: checked.application, problems: [] } : { line: r.line, problems: Object.values(checked.problems) as string[] };
      }),
  };
}
