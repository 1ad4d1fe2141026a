// Access matrix, part 3: the panel day (results, votes, recommendations, the export), the
// review path to Cabinet, and what the public sees once the round is published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, openTestDatabase } from '../../support/db.ts';
import { givingPackageProblems } from '../../support/giving360-schema.ts';
import { BEFORE_REVIEW, DENY, MATRIX_FUNCTIONS, OUTSIDERS, officerOnly, outcomes, runMatrix, type MatrixRow } from './matrix.ts';
import { ok, seeded } from './support.ts';
import { buildWorld, type World } from './world.ts';

let db: Database;
let world: World;
beforeAll(async () => {
  db = await openTestDatabase();
  world = await buildWorld(db, 'panel');
});
afterAll(() => db.close());
const context = { db: () => db, world: () => world };
const officer = seeded('officer');

const MEMBERS = { community: 200, councillor: 200, conflicted: 200, chair: 200, clerk: 200 } as const;
const LEADS = { ...BEFORE_REVIEW, chair: 200, clerk: 200, officer: 200 } as const;

const panelDay: MatrixRow[] = [
  {
    fn: 'round_results',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: outcomes(DENY, { ...BEFORE_REVIEW, ...MEMBERS, officer: 200 }),
    check: (d, kind, w) => {
      expect(d.applications).toHaveLength(6);
      const first = d.applications.find((a: { application_id: string }) => a.application_id === w.apps[0]);
      if (kind === 'conflicted')
        expect(first).toEqual({
          application_id: w.apps[0],
          reference: `${w.tag}-001`,
          organisation_name: 'Test Group 1',
          project_title: 'Project 1',
          conflict_declared: true,
        });
      else expect(first).toHaveProperty('balanced_mean');
      // Each member's own totals only for the chair, the clerk and officers.
      const showsMembers = d.applications.some((a: object) => 'per_member' in a);
      expect(showsMembers).toBe(['chair', 'clerk', 'officer'].includes(kind));
    },
  },
  {
    fn: 'cast_panel_vote',
    args: (w) => ({ p_application_id: w.apps[0], p_vote: 'award' }),
    expect: outcomes(DENY, { ...BEFORE_REVIEW, community: 200, councillor: 200, chair: 200 }),
    check: (d) => expect(d.vote).toBe('award'),
  },
  {
    fn: 'record_recommendation',
    args: (w) => ({
      p_application_id: w.apps[0],
      p_outcome: 'award',
      p_amount: 500,
      p_reasons: 'A clear need, well planned.',
      p_how_agreed: 'consensus',
    }),
    expect: outcomes(DENY, { ...BEFORE_REVIEW, chair: 200, clerk: 200, officer: 200 }),
    check: (d) => expect(d).toMatchObject({ outcome: 'award', amount: 500, vote_tally: { award: 3 } }),
  },
  {
    fn: 'export_round_report',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: outcomes(DENY, LEADS),
    check: (d) => {
      expect(d.results).toHaveLength(6);
      expect(d.conflicts).toHaveLength(5);
      expect(JSON.stringify(d)).not.toMatch(/contact-\d@example\.org|01865|Contact \d/);
    },
  },
];

const reviewPath: MatrixRow[] = [
  {
    fn: 'review_recommendations',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: outcomes(DENY, { ...OUTSIDERS, reviewer: 200, chair: 200, clerk: 200, officer: 200 }),
    check: (d) => {
      expect(d.recommendations).toHaveLength(6);
      expect(d.recommendations[0]).toMatchObject({ outcome: 'award', reasons: 'A clear need, well planned.' });
    },
  },
  {
    fn: 'add_review_meeting',
    args: (w) => ({ p_round_id: w.roundId, p_title: 'Scrutiny briefing', p_meeting_date: '2026-12-01' }),
    expect: officerOnly(),
    check: (d) => expect(d.title).toBe('Scrutiny briefing'),
  },
  {
    fn: 'add_review_comment',
    args: (w) => ({ p_application_id: w.apps[0], p_comment: 'I support this.' }),
    expect: outcomes(DENY, { ...OUTSIDERS, reviewer: 200 }),
    check: (d, _k, w) => expect(d.person_id).toBe(w.person.reviewer),
  },
  {
    fn: 'record_cabinet_decision',
    args: (w) => ({
      p_application_id: w.apps[0],
      p_decision: 'award',
      p_amount: 500,
      p_decided_on: '2026-12-15',
      p_minute_reference: 'Cabinet minute 9/26',
    }),
    expect: officerOnly(),
    check: (d) => expect(d).toMatchObject({ decision: 'award', amount: 500 }),
  },
  {
    fn: 'record_cabinet_agreed',
    args: (w) => ({ p_round_id: w.roundId, p_decided_on: '2026-12-15', p_minute_reference: 'Cabinet minute 9/26' }),
    expect: officerOnly(),
    // The first application was decided just above; the other five follow the panel.
    check: (d) => expect(d.recorded).toBe(5),
  },
];

const published: MatrixRow[] = [
  {
    fn: 'published_awards',
    args: () => ({}),
    expect: outcomes(200, { anonymous: 200 }),
    check: (d, _k, w) => {
      const mine = d.filter((a: { round_id: string }) => a.round_id === w.roundId);
      expect(mine.map((a: { organisation_name: string }) => a.organisation_name)).toEqual(['Test Group 1']);
      expect(JSON.stringify(d)).not.toMatch(/@example\.org|01865/);
    },
  },
  {
    fn: 'grant_round_360giving',
    args: (w) => ({ p_round_id: w.roundId }),
    expect: outcomes(200, { anonymous: 200 }),
    check: (d, _k, w) => {
      expect(d.grants).toHaveLength(1);
      expect(d.grants[0]).toMatchObject({
        id: `360G-OCC-WT-${w.tag}-001`,
        currency: 'GBP',
        amountAwarded: 500,
        awardDate: '2026-12-15',
        fundingOrganization: [{ id: 'GB-LAE-OXF', name: 'Oxfordshire County Council' }],
        recipientOrganization: [{ id: '360G-OCC-WT-ORG-test-group-1', name: 'Test Group 1' }],
      });
      // The database's own output meets 360Giving's rules (required fields, types, identifiers).
      expect(givingPackageProblems(d)).toEqual([]);
      expect(JSON.stringify(d)).not.toMatch(/@example\.org|01865/);
    },
  },
];

describe('on the panel day', () => runMatrix(context, panelDay));

describe('on the review path', () => {
  beforeAll(async () => {
    for (const app of world.apps.slice(1)) {
      await ok(db, officer, 'record_recommendation', {
        p_application_id: app,
        p_outcome: 'not_award',
        p_reasons: 'Not this time.',
        p_how_agreed: 'consensus',
      });
    }
    await ok(db, officer, 'move_round', { p_round_id: world.roundId, p_to: 'recommended' });
  });
  runMatrix(context, reviewPath);
});

describe('once published', () => {
  beforeAll(async () => {
    for (const app of world.apps.slice(1)) {
      await ok(db, officer, 'record_cabinet_decision', {
        p_application_id: app,
        p_decision: 'not_award',
        p_decided_on: '2026-12-15',
        p_minute_reference: 'Cabinet minute 9/26',
      });
    }
    for (const to of ['decided', 'published']) await ok(db, officer, 'move_round', { p_round_id: world.roundId, p_to: to });
  });
  runMatrix(context, published);

  it('the 360Giving data of a round not yet published is not found, even for an officer', async () => {
    for (const who of [officer, world.actors.anonymous]) {
      const other = await callAs(db, who, 'grant_round_360giving', { p_round_id: world.otherRoundId });
      expect(other).toMatchObject({ ok: false, status: 404, code: 'PT404' });
    }
  });
});

describe('the review matrix', () => {
  it('covers its share of the api', () => {
    expect([...panelDay, ...reviewPath, ...published].map((r) => r.fn).sort()).toEqual([...MATRIX_FUNCTIONS.review].sort());
  });
});
