// Access matrix, part 2: what panel members do while the round is being scored, and what the
// chair and clerk see of everyone's progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, openTestDatabase } from '../../support/db.ts';
import { BEFORE_REVIEW, DENY, HIDDEN, MATRIX_FUNCTIONS, NOT_NOW, outcomes, runMatrix, type MatrixRow } from './matrix.ts';
import { buildWorld, fullScores, type World } from './world.ts';

let db: Database;
let world: World;
beforeAll(async () => {
  db = await openTestDatabase();
  world = await buildWorld(db, 'scoring');
});
afterAll(() => db.close());

const MEMBERS = { community: 200, councillor: 200, conflicted: 200, chair: 200, clerk: 200 } as const;
/** Members with a seat and no conflict may score; the clerk has no seat. */
const SCORERS = { ...BEFORE_REVIEW, community: 200, councillor: 200, chair: 200, conflicted: DENY, clerk: DENY } as const;
const LEADS = { ...BEFORE_REVIEW, chair: 200, clerk: 200, officer: 200 } as const;

const rows: MatrixRow[] = [
  {
    fn: 'accept_confidentiality',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: outcomes(DENY, { ...BEFORE_REVIEW, ...MEMBERS }),
    check: (d) => expect(d.agreement_sha256).toMatch(/^[0-9a-f]{64}$/),
  },
  {
    fn: 'my_applications',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: outcomes(DENY, { ...BEFORE_REVIEW, ...MEMBERS }),
    check: (d, kind) => {
      expect(d).toHaveLength(6);
      expect(d[0].declaration).toBe(kind === 'conflicted' ? 'conflict' : 'no conflict');
      expect(JSON.stringify(d)).not.toMatch(/contact-\d@example\.org|01865/);
    },
  },
  // A member who declared a conflict cannot take it back.
  {
    fn: 'declare_interest',
    args: (w) => ({ p_application_id: w.apps[0], p_has_conflict: false }),
    expect: outcomes(DENY, { ...BEFORE_REVIEW, ...MEMBERS, conflicted: NOT_NOW }),
    check: (d) => expect(d.has_conflict).toBe(false),
  },
  {
    fn: 'open_application_pack',
    args: (w) => ({ p_application_id: w.apps[0] }),
    expect: outcomes(DENY, { ...BEFORE_REVIEW, community: 200, councillor: 200, chair: 200, clerk: 200, officer: 200 }),
    check: (d) => {
      expect(d).toMatchObject({ project_title: 'Project 1', summary: 'Summary of project 1.', organisation_name: 'Test Group 1' });
      expect(d.criteria).toHaveLength(3);
      expect(JSON.stringify(d)).not.toMatch(/contact|Contact 1|@example\.org|01865/);
    },
  },
  {
    fn: 'save_draft_scores',
    args: (w) => ({ p_application_id: w.apps[1], p_scores: fullScores(w).slice(0, 2) }),
    expect: outcomes(DENY, SCORERS),
    check: (d) => expect(d).toMatchObject({ saved: 2, submitted: false, criteria_scored: 2, criteria_total: 3 }),
  },
  {
    fn: 'submit_scores',
    args: (w) => ({ p_application_id: w.apps[2], p_scores: fullScores(w) }),
    expect: outcomes(DENY, SCORERS),
    check: (d) => expect(d.submitted_at).toBeTruthy(),
  },
  {
    fn: 'request_score_reopen',
    args: (w) => ({ p_application_id: w.apps[3], p_reason: 'I scored the wrong application.' }),
    expect: outcomes(DENY, SCORERS),
    check: (d) => expect(d).toMatchObject({ reason: 'I scored the wrong application.' }),
  },
  // The chair grants the community member's request, the officer the councillor's.
  {
    fn: 'grant_score_reopen',
    args: (w, kind) => ({ p_member_id: kind === 'officer' ? w.member.councillor : w.member.community, p_application_id: w.apps[4] }),
    expect: outcomes(DENY, { ...BEFORE_REVIEW, chair: 200, officer: 200 }),
    check: (d) => expect(d.reopen_count).toBe(1),
  },
  {
    fn: 'round_progress',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: outcomes(DENY, LEADS),
    check: (d) => {
      expect(d.members).toHaveLength(6);
      // Who has done what, never the values.
      expect(JSON.stringify(d)).not.toMatch(/"score"/);
    },
  },
  {
    fn: 'round_conflicts',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: outcomes(DENY, LEADS),
    check: (d, _k, w) => {
      expect(d).toHaveLength(5);
      for (const c of d) expect(c).toMatchObject({ member_id: w.member.conflicted, reason: 'I am a trustee.' });
    },
  },
];

runMatrix({ db: () => db, world: () => world }, rows);

describe('the scoring matrix', () => {
  it('covers its share of the api', () => {
    expect(rows.map((r) => r.fn).sort()).toEqual([...MATRIX_FUNCTIONS.scoring].sort());
  });

  it('tells a member of another round no more than it tells them about a round that does not exist', async () => {
    const w = world;
    for (const [fn, arg, real] of [
      ['get_round', 'p_round_id', w.roundId],
      ['open_application_pack', 'p_application_id', w.apps[0]],
    ] as const) {
      const seen = await callAs(db, w.actors.otherRound, fn, { [arg]: real });
      const missing = await callAs(db, w.actors.otherRound, fn, { [arg]: crypto.randomUUID() });
      expect(seen).toEqual(missing);
      expect(seen).toMatchObject({ status: HIDDEN[0], code: HIDDEN[1] });
    }
  });
});
