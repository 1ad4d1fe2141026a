import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { PB_PHASES, isPhaseFrom } from '../../../src/lib/pb/phases.ts';
import { PUBLIC_STATUSES } from '../../../src/lib/pb/proposal-filters.ts';
import { STATUS_WORDS } from '../../../src/lib/pb/proposal-status.ts';
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

describe('proposal statuses have one home', () => {
  it('the public list filters by exactly the statuses the database lists, and every status has words', async () => {
    const [row] = await db.query<{ statuses: string; all: string }>(
      `select private.pb_public_statuses()::text as statuses, enum_range(null::private.pb_proposal_status)::text as all`,
    );
    expect(row!.statuses.replace(/[{}]/g, '').split(',')).toEqual([...PUBLIC_STATUSES]);
    expect(row!.all.replace(/[{}]/g, '').split(',').sort()).toEqual(Object.keys(STATUS_WORDS).sort());
  });
});

describe('shared PB pieces', () => {
  it('hash codes ignoring case, spaces and dashes, and differently per process', async () => {
    const [row] = await db.query<{ a: string; b: string; c: string }>(
      `select private.pb_code_hash('00000000-0000-4000-8000-000000000001', '7kqm 3xwp-ht9c') as a,
              private.pb_code_hash('00000000-0000-4000-8000-000000000001', '7KQM-3XWP-HT9C') as b,
              private.pb_code_hash('00000000-0000-4000-8000-000000000002', '7KQM-3XWP-HT9C') as c`,
    );
    expect(row!.a).toBe(row!.b);
    expect(row!.a).not.toBe(row!.c);
  });

  it('make new codes from an alphabet without look-alikes, in groups of four', async () => {
    const rows = await db.query<{ code: string }>(`select private.pb_new_code(12) as code from generate_series(1, 50)`);
    for (const { code } of rows) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(rows.map((r) => r.code)).size).toBe(50);
  });
});
