// The audit trail in words for the people who read it (scrutiny, officers): the kind of record,
// which application or round it is about, and what changed, with every id the database named
// (AuditEvent.names) shown as a name, a reference and title, or a round's title. Also the CSV
// of the filtered trail. Pure, so it is unit tested.
import type { AuditEvent } from '../api/audit';
import { writeCsv } from '../csv';

export const ACTION_WORDS: Record<string, string> = {
  insert: 'Added',
  update: 'Changed',
  delete: 'Removed',
  read: 'Read',
  export: 'Exported',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Bookkeeping a reader does not need: when rows were stamped, hashes, and the ids of rows themselves. */
const SKIPPED = /(_at|hash|^id|sha256)$/;
/** What an event is about comes first: the application, then the round. */
const FIRST = ['application_id', 'round_id', 'member_id', 'person_id'];

/** Every other page calls a criterion a "question", so the trail does too. */
const LABEL_WORDS: Record<string, string> = { criterion: 'question' };
const RECORD_WORDS: Record<string, string> = { criteria: 'scoring questions' };

const label = (key: string) => {
  const words = key.replace(/_id$/, '').replace(/_/g, ' ');
  return LABEL_WORDS[words] ?? words;
};

function value(v: unknown, names: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return 'none';
  if (typeof v === 'string') return UUID.test(v) ? (names[v] ?? 'a record no longer here') : v.replace(/_/g, ' ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** The kind of record, in words: a read or export names what was read, not "read records". */
export function recordWords(e: AuditEvent): string {
  if (e.table_name === 'read_records') return String(e.new_values?.what ?? 'confidential information');
  return RECORD_WORDS[e.table_name] ?? e.table_name.replace(/_/g, ' ');
}

/** What the event is about and what changed, in words: "application: SUS26-003: Lunch club; decision: award". */
export function detailWords(e: AuditEvent, max = 5): string {
  const names = e.names ?? {};
  const before = e.old_values ?? {};
  const after = e.new_values ?? {};
  if (e.table_name === 'read_records') {
    return ['application_id', 'round_id']
      .filter((k) => after[k])
      .map((k) => `${label(k)}: ${value(after[k], names)}`)
      .join('; ');
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !SKIPPED.test(k) && k !== 'redacted');
  const about = FIRST.filter((k) => keys.includes(k));
  const changedKeys = keys.filter(
    (k) => !FIRST.includes(k) && (e.action !== 'update' || JSON.stringify(before[k]) !== JSON.stringify(after[k])),
  );
  const parts = [
    ...about.map((k) => `${label(k)}: ${value(after[k] ?? before[k], names)}`),
    ...changedKeys.map((k) =>
      e.action === 'update'
        ? `${label(k)}: ${value(before[k], names)} → ${value(after[k], names)}`
        : `${label(k)}: ${value(e.action === 'delete' ? before[k] : after[k], names)}`,
    ),
  ];
  const redacted = after.redacted ?? before.redacted;
  if (redacted) parts.push(redacted === true ? 'details hidden' : `values hidden ${String(redacted)}`);
  return parts.slice(0, max + (redacted ? 1 : 0)).join('; ');
}

/** The filtered trail as a spreadsheet, in the same words as the screen, with the chain's hashes. */
export function auditCsv(events: AuditEvent[]): string {
  return writeCsv([
    ['Entry', 'When (UTC)', 'Who', 'As', 'What happened', 'Record', 'Details', 'Hash'],
    ...events.map((e) => [
      e.id,
      e.at,
      e.actor_name ?? 'System',
      e.actor_role,
      ACTION_WORDS[e.action] ?? e.action,
      recordWords(e),
      detailWords(e, 100),
      e.hash,
    ]),
  ]);
}
