// The audit trail in words: names instead of ids, what was read instead of "read records", the
// application a Cabinet decision is about first, changes as before → after, and the CSV.
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../src/lib/api/audit';
import { parseCsv } from '../../../../src/lib/csv';
import { auditCsv, detailWords, recordWords } from '../../../../src/lib/grants/audit-words';

const APP = '00000000-0000-4000-9000-00000000a001';
const ROUND = '00000000-0000-4000-9000-000000000102';
const OFFICER = '00000000-0000-4000-8000-000000000002';
const names = { [APP]: 'SUS26-003: Lunch club', [ROUND]: 'Sustainability Fund 2026 to 2027', [OFFICER]: 'Jo Pemberton' };

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: 7,
  at: '2026-11-17T10:00:00Z',
  actor: OFFICER,
  actor_name: 'Jo Pemberton',
  actor_role: 'officer',
  action: 'insert',
  table_name: 'cabinet_decisions',
  row_id: APP,
  old_values: null,
  new_values: null,
  details: null,
  prev_hash: 'a',
  hash: 'b',
  names,
  ...over,
});

describe('the audit trail in words', () => {
  it('a Cabinet decision says which application first, and who recorded it by name', () => {
    const e = event({
      new_values: { application_id: APP, round_id: ROUND, decision: 'not_award', amount: null, recorded_by: OFFICER, recorded_at: 'x' },
    });
    const words = detailWords(e);
    expect(words).toMatch(/^application: SUS26-003: Lunch club; round: Sustainability Fund 2026 to 2027; /);
    expect(words).toContain('decision: not award');
    expect(words).toContain('recorded by: Jo Pemberton');
    expect(words).not.toMatch(/[0-9a-f]{8}-/);
    expect(recordWords(e)).toBe('cabinet decisions');
  });

  it('a change shows before and after, only for what changed', () => {
    const e = event({
      action: 'update',
      old_values: { application_id: APP, decision: 'award', amount: 500 },
      new_values: { application_id: APP, decision: 'award', amount: 400 },
    });
    expect(detailWords(e)).toBe('application: SUS26-003: Lunch club; amount: 500 → 400');
  });

  it('a read names what was read and the round, not "read records"', () => {
    const e = event({ action: 'read', table_name: 'read_records', new_values: { what: 'recommendations', round_id: ROUND, kind: 'read' } });
    expect(recordWords(e)).toBe('recommendations');
    expect(detailWords(e)).toBe('round: Sustainability Fund 2026 to 2027');
  });

  it('an id the trail cannot name is said so, never shown raw', () => {
    const e = event({ new_values: { member_id: '00000000-0000-4000-8000-0000000000ff' } });
    expect(detailWords(e)).toBe('member: a record no longer here');
  });

  it('a score names its question, as every other page does, never "criterion"', () => {
    const CRIT = '00000000-0000-4000-9000-00000000c001';
    const e = event({
      table_name: 'scores',
      names: { ...names, [CRIT]: 'Reach' },
      new_values: { application_id: APP, criterion_id: CRIT, score: 3 },
    });
    expect(detailWords(e)).toBe('application: SUS26-003: Lunch club; question: Reach; score: 3');
    expect(recordWords(event({ table_name: 'criteria' }))).toBe('scoring questions');
    expect(`${detailWords(e)} ${recordWords(event({ table_name: 'criteria' }))}`).not.toMatch(/criteri/i);
  });

  it('the CSV has a header and one row per entry in the same words', () => {
    const e = event({ new_values: { application_id: APP, decision: 'award', amount: 500 } });
    const { rows } = parseCsv(auditCsv([e]));
    expect(rows[0]).toEqual(['Entry', 'When (UTC)', 'Who', 'As', 'What happened', 'Record', 'Details', 'Hash']);
    expect(rows[1]).toEqual([
      '7',
      '2026-11-17T10:00:00Z',
      'Jo Pemberton',
      'officer',
      'Added',
      'cabinet decisions',
      detailWords(e, 100),
      'b',
    ]);
  });
});
