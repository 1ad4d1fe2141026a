// "May this person see the scores of this round?" is one predicate, private.may_see_scores:
// only once scoring has closed; then officers, scrutiny (through the audit trail) and the panel
// who accepted the agreement, but never a member for an application they declared a conflict
// with (its per-application part, private.scores_kept_from_me, which lists ask once). Each
// function that shows, exports or redacts scores asks it, so one round is followed here through
// three of them (results, the report, the audit trail), refused and then allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundResults } from '../../../src/lib/api/results.ts';
import type { Database } from '../../../supabase/local/database.ts';
import { ROUND_STATES, scoresShown } from '../../../src/lib/grants/rounds.ts';
import { liveSession, openTestDatabase } from '../../support/db.ts';
import { ok, refused, SEEDED, seeded } from './support.ts';
import { buildWorld, type World } from './world.ts';

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
});
afterAll(() => db.close());

const officer = seeded('officer');
const scrutiny = seeded('scrutiny');

/** private.may_see_scores asked directly, as the person with this id. */
async function maySee(sub: string, app: string | null = null): Promise<boolean> {
  // A live session, as signing in makes: private.caller() refuses a token whose session has ended.
  const session_id = await liveSession(db, sub);
  await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub, role: 'authenticated', session_id })]);
  try {
    const [row] = await db.query<{ may: boolean }>('select private.may_see_scores($1, $2) as may', [w.roundId, app]);
    return row!.may;
  } finally {
    await db.query(`select set_config('request.jwt.claims', '', false)`);
  }
}

/** The values of this round's submission events for apps[3], as the audit trail shows them. */
async function submissionValues(who = officer) {
  const trail = await ok(db, who, 'audit_trail', { p_table: 'score_submissions', p_application_id: w.apps[3], p_limit: 50 });
  const values = trail.events.flatMap((e: { new_values: unknown; old_values: unknown }) => [e.new_values, e.old_values].filter(Boolean));
  expect(values.length).toBeGreaterThanOrEqual(3);
  return values as Record<string, unknown>[];
}

describe('one predicate', () => {
  it('every api function that shows, exports or redacts scores asks private.may_see_scores', async () => {
    const rows = await db.query<{ name: string; asks: boolean }>(
      `select p.proname as name, p.prosrc ~ 'may_see_scores' as asks from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'api' and p.prosrc ~ 'round_results_data|results_as_seen|weighted_total' order by 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['audit_trail', 'export_round_report', 'round_results']));
    expect(rows.filter((r) => !r.asks)).toEqual([]);
  });

  it('the screens show scores at the stages the database does', async () => {
    const rows = await db.query<{ state: string; shown: boolean }>(
      `select s::text as state, private.scores_shown_at(s) as shown from unnest(enum_range(null::private.round_state)) s`,
    );
    expect(rows.map((r) => r.state)).toEqual([...ROUND_STATES]);
    for (const r of rows) expect(scoresShown(r.state as never), r.state).toBe(r.shown);
  });
});

describe('while the round is being scored', () => {
  it('the predicate says no to everyone, officers included', async () => {
    for (const sub of [SEEDED.officer, SEEDED.scrutiny, w.person.chair!, w.person.community!]) expect(await maySee(sub), sub).toBe(false);
  });

  it('refuses the results, to an officer and to the chair', async () => {
    for (const who of [officer, w.actors.chair]) {
      const r = await refused(db, who, 'round_results', { p_round_id: w.roundId }, 409);
      expect(r.refusal).toEqual({ key: 'results_hidden', stage: 'scoring' });
    }
  });

  it('refuses the report, to an officer and to the chair', async () => {
    for (const who of [officer, w.actors.chair]) await refused(db, who, 'export_round_report', { p_round_id: w.roundId }, 409);
  });

  it('leaves the values out of the audit trail, for officers and scrutiny', async () => {
    for (const who of [officer, scrutiny]) {
      for (const v of await submissionValues(who)) {
        expect(v).toMatchObject({ redacted: 'until scoring closes' });
        expect(v).not.toHaveProperty('weighted_total');
      }
    }
  });
});

describe('once the round has moved to the panel', () => {
  beforeAll(async () => {
    await ok(db, officer, 'move_round', { p_round_id: w.roundId, p_to: 'panel', p_force_reason: 'Testing who may see scores.' });
  });

  it('the predicate says yes to officers, scrutiny and the panel, but not for an application a member declared a conflict with', async () => {
    for (const sub of [SEEDED.officer, SEEDED.scrutiny, w.person.chair!, w.person.community!, w.person.conflicted!])
      expect(await maySee(sub), sub).toBe(true);
    expect(await maySee(w.person.conflicted!, w.apps[0]!)).toBe(false);
    expect(await maySee(w.person.conflicted!, w.apps[5]!)).toBe(true);
    expect(await maySee(w.person.community!, w.apps[0]!)).toBe(true);
    // Off the panel, or on it without the agreement accepted: no.
    for (const sub of [w.person.stranger!, w.person.reviewer!, w.person.spareMember!]) expect(await maySee(sub), sub).toBe(false);
  });

  it("shows the results and the report to an officer and the chair, each member's totals included", async () => {
    for (const who of [officer, w.actors.chair]) {
      const results = await ok(db, who, 'round_results', { p_round_id: w.roundId });
      const report = await ok(db, who, 'export_round_report', { p_round_id: w.roundId });
      for (const list of [results.applications, report.results]) {
        const scored = list.find((a: { application_id: string }) => a.application_id === w.apps[3]);
        expect(scored).toMatchObject({ members_scored: 3, per_member: expect.any(Array) });
        expect(scored.per_member).toHaveLength(3);
      }
    }
  });

  it("shows the audit trail's values to officers and scrutiny", async () => {
    for (const who of [officer, scrutiny]) {
      for (const v of await submissionValues(who)) expect(v).not.toHaveProperty('redacted');
      expect((await submissionValues(who)).some((v) => v.weighted_total !== null && v.weighted_total !== undefined)).toBe(true);
    }
  });

  it('shows a member the aggregate, but nothing of an application they declared a conflict with', async () => {
    const mine = await ok<RoundResults>(db, w.actors.community, 'round_results', { p_round_id: w.roundId });
    const theirs = await ok<RoundResults>(db, w.actors.conflicted, 'round_results', { p_round_id: w.roundId });
    const open = (list: RoundResults['applications']) => list.find((a) => a.application_id === w.apps[3]);
    expect(open(mine.applications)).toMatchObject({ members_scored: 3 });
    expect(open(mine.applications)).not.toHaveProperty('per_member');
    // The conflicted member declared a conflict with apps[0] to apps[4], and none with apps[5].
    expect(open(theirs.applications)).toEqual({
      application_id: w.apps[3],
      reference: expect.any(String),
      organisation_name: expect.any(String),
      project_title: expect.any(String),
      conflict_declared: true,
    });
    expect(theirs.applications.find((a) => a.application_id === w.apps[5])).toMatchObject({ members_scored: 0 });
  });

  it('refuses a member who has not accepted the agreement', async () => {
    await refused(db, { role: 'authenticated', sub: w.person.spareMember }, 'round_results', { p_round_id: w.roundId }, 403);
  });
});
