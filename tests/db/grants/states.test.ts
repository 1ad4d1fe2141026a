// The round states are defined once, as the enum private.round_state; the screens' list in
// src/lib/grants/rounds.ts must be the same stages in the same order, and every SQL comparison
// of stages goes through that enum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { hasReached, ROUND_STATES } from '../../../src/lib/grants/rounds.ts';
import { openTestDatabase } from '../../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('round states', () => {
  it('the TypeScript list is the database enum, in its order', async () => {
    const [row] = await db.query<{ states: string[] }>(`select enum_range(null::private.round_state)::text[] as states`);
    expect(row!.states).toEqual([...ROUND_STATES]);
  });

  it('the screens order stages as the database does', async () => {
    const rows = await db.query<{ state: string; stage: string; reached: boolean }>(
      `select s::text as state, t::text as stage, s >= t as reached
       from unnest(enum_range(null::private.round_state)) s, unnest(enum_range(null::private.round_state)) t`,
    );
    expect(rows).toHaveLength(ROUND_STATES.length ** 2);
    for (const r of rows) expect(hasReached(r.state as never, r.stage as never), `${r.state} has reached ${r.stage}`).toBe(r.reached);
  });

  it('a round keeps its state in that enum, not in free text', async () => {
    const [row] = await db.query<{ type: string }>(
      `select format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
       where a.attrelid = 'private.rounds'::regclass and a.attname = 'state'`,
    );
    expect(row!.type).toBe('private.round_state');
  });

  it('no function spells the list of stages out again', async () => {
    // A run of three or more stage names in a row, quoted, is the list restated (a range such as
    // 'draft', 'closed' names only its ends).
    const rows = await db.query<{ name: string }>(
      `select n.nspname || '.' || p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('api', 'private')
         and p.prosrc ~ '''(draft|open|closed|scoring|panel|recommended|decided|published)'', *''(draft|open|closed|scoring|panel|recommended|decided|published)'', *''(draft|open|closed|scoring|panel|recommended|decided|published)'''
       order by 1`,
    );
    expect(rows).toEqual([]);
  });
});
