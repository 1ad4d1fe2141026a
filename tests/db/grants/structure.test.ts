// What the schema itself promises: functions with an empty search path, private tables closed
// to the API roles with row level security on, and an audit trigger on every private table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

// Small helpers every ballot cast (and every audited write) calls, left without a SET clause: entering a function with one
// saves and restores the settings each time (about 4 us, ten times the rest of such a helper).
// None is security definer, and each is called from security definer functions, which run it
// with their empty search path, so the other tests still prove its names are qualified.
const HOT_HELPERS = [
  'private.audit_event_hash',
  'private.audit_event_text',
  'private.audit_lanes',
  'private.fill_template',
  'private.notifying',
  'private.pb_hold_process',
  'private.pb_new_code',
  'private.pb_receipt_hash',
  'private.pb_require_phase',
  'private.set_audit_context',
];

describe('functions', () => {
  it('every function in api and private sets search_path to empty, but the hot helpers', async () => {
    // With an empty search path an unqualified table or function name cannot resolve to anything
    // but pg_catalog, so each function running in the other tests proves its names are qualified.
    const rows = await db.query<{ name: string }>(
      `select n.nspname || '.' || p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('api', 'private') and not coalesce('search_path=""' = any (p.proconfig), false) order by 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(HOT_HELPERS);
  });

  it("the hot helpers run with their caller's rights, never as definer", async () => {
    const rows = await db.query<{ name: string }>(
      `select n.nspname || '.' || p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname || '.' || p.proname = any ($1) and p.prosecdef`,
      [HOT_HELPERS],
    );
    expect(rows).toEqual([]);
  });

  it('security definer functions exist only in api and private', async () => {
    const rows = await db.query<{ schema: string }>(
      `select distinct n.nspname as schema from pg_proc p join pg_namespace n on n.oid = p.pronamespace where p.prosecdef order by 1`,
    );
    expect(rows.map((r) => r.schema)).toEqual(['api', 'private']);
  });

  it('no private function can be called by anon or authenticated', async () => {
    const rows = await db.query<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'private' and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))`,
    );
    expect(rows).toEqual([]);
  });
});

describe('private tables', () => {
  let tables: string[];
  beforeAll(async () => {
    tables = (
      await db.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'private' and c.relkind = 'r' order by 1`,
      )
    ).map((r) => r.name);
    expect(tables.length).toBeGreaterThanOrEqual(20);
  });

  it('all have row level security on and no privileges for anon or authenticated', async () => {
    for (const table of tables) {
      const [row] = await db.query<{ rls: boolean; any_grant: boolean }>(
        `select c.relrowsecurity as rls,
                exists (select 1 from unnest(array['anon', 'authenticated']) r, unnest(array['select', 'insert', 'update', 'delete', 'truncate']) p
                        where has_table_privilege(r, c.oid, p)) as any_grant
         from pg_class c where c.oid = ('private.' || $1)::regclass`,
        [table],
      );
      expect(row, table).toEqual({ rls: true, any_grant: false });
    }
  });

  it('every table but the trail itself writes an audit event on insert, update and delete, and refuses truncate', async () => {
    const rows = await db.query<{ table_name: string; triggers: string[] }>(
      `select c.relname as table_name, array_agg(t.tgname::text order by t.tgname) as triggers
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'private' and not t.tgisinternal group by c.relname`,
    );
    const byTable = Object.fromEntries(rows.map((r) => [r.table_name, r.triggers]));
    for (const table of tables) {
      if (table === 'audit_chain_head') continue; // the chain's own pointer, checked by verify_audit_chain
      const triggers = byTable[table] ?? [];
      if (table === 'audit_events')
        expect(triggers).toEqual(expect.arrayContaining(['audit_events_append_only', 'audit_events_no_truncate']));
      else if (table === 'audit_checkpoints')
        expect(triggers).toEqual(expect.arrayContaining(['audit_checkpoints_append_only', 'audit_checkpoints_no_truncate']));
      else if (table === 'read_records')
        expect(triggers).toEqual(expect.arrayContaining(['read_records_append_only', 'read_records_audit', 'read_records_no_truncate']));
      // The notifications outbox is a delivery queue, not a record: the act behind each email is
      // audited, and a receipt code must not be copied into the trail. It still refuses truncate.
      else if (table === 'outbox') expect(triggers).toEqual(expect.arrayContaining(['audit_no_truncate']));
      // Wrong voting codes typed online are the throttle's bookkeeping (who and when, never the
      // code), pruned as they age out: auditing each guess would let guessing flood the trail.
      else if (table === 'pb_code_attempts') expect(triggers, table).not.toContain('audit_row_change');
      // Festival bookings' limit, the same kind of bookkeeping (hashes and times only).
      else if (table === 'festival_booking_attempts') expect(triggers, table).not.toContain('audit_row_change');
      // The bookers' tables use festival_audit, which never copies a name, email, token or access need
      // into the append-only trail (access needs must be deletable after the festival).
      else if (table.startsWith('festival_') && triggers.includes('festival_audit'))
        expect(triggers, table).toEqual(expect.arrayContaining(['audit_no_truncate', 'festival_audit']));
      // The same for the tree's limits on sending leaves (when, and a hash of the address), pruned
      // after an hour: each leaf itself is audited.
      else if (table === 'tree_leaf_sends') expect(triggers, table).not.toContain('audit_row_change');
      // The vote's own tables use pb_audit_vote, which records that someone voted, never the ballot.
      else if (table.startsWith('pb_') && triggers.includes('pb_audit_vote'))
        expect(triggers, table).toEqual(expect.arrayContaining(['audit_no_truncate', 'pb_audit_vote']));
      else expect(triggers, table).toEqual(expect.arrayContaining(['audit_no_truncate', 'audit_row_change']));
    }
  });

  it('the api schema offers functions only', async () => {
    const rows = await db.query(`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'api'`);
    expect(rows).toEqual([]);
  });
});
