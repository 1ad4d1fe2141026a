import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { PB_PHASES, isPhaseFrom } from '../../../src/lib/pb/phases.ts';
import { openTestDatabase } from '../../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('the phases of a process have one home', () => {
  it('TypeScript lists exactly the SQL enum, in the same order', async () => {
    const [row] = await db.query<{ phases: string }>(`select enum_range(null::private.pb_phase)::text as phases`);
    expect(row!.phases.replace(/[{}]/g, '').split(',')).toEqual([...PB_PHASES]);
  });

  it('ranks phases as TypeScript orders them', async () => {
    const rows = await db.query<{ phase: string; rank: number }>(
      `select p::text as phase, private.pb_phase_rank(p) as rank from unnest(enum_range(null::private.pb_phase)) as p`,
    );
    for (const { phase, rank } of rows) expect(PB_PHASES.indexOf(phase as (typeof PB_PHASES)[number]) + 1).toBe(rank);
    expect(isPhaseFrom('voting', 'review')).toBe(true);
    expect(isPhaseFrom('proposals', 'review')).toBe(false);
  });
});
