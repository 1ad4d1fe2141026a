// A small grant round built through the api as an officer, with one person of every kind the
// matrix tests call as. `buildWorld(db, 'closed' | 'scoring' | 'panel')` stops at that stage.
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, createUser, signedIn, type Actor } from '../../support/db.ts';
import { ok, seeded } from './support.ts';

export const KINDS = [
  'anonymous',
  'stranger',
  'applicant',
  'otherRound',
  'scrutiny',
  'reviewer',
  'community',
  'councillor',
  'conflicted',
  'chair',
  'clerk',
  'officer',
] as const;
export type Kind = (typeof KINDS)[number];

export interface Criterion {
  id: string;
  weight: number;
  maximum: number;
}

export interface World {
  tag: string;
  fundId: string;
  roundId: string;
  otherRoundId: string;
  otherAppId: string;
  criteria: Criterion[];
  spareCriterionId: string;
  apps: string[];
  actors: Record<Kind, Actor>;
  person: Record<string, string>;
  member: Record<'community' | 'councillor' | 'conflicted' | 'chair' | 'clerk' | 'spare', string>;
}

let counter = 0;

/** Every criterion scored: score i is seed + i, kept within each criterion's range. */
export const fullScores = (w: World, seed = 1) =>
  w.criteria.map((c, i) => ({ criterion_id: c.id, score: (seed + i) % (c.maximum + 1), comment: null }));

export const application = (n: number, extra: Record<string, unknown> = {}) => ({
  organisation_name: `Test Group ${n}`,
  organisation_type: 'community group',
  project_title: `Project ${n}`,
  description: `What project ${n} will do.`,
  amount_requested: 1000 * n,
  area: 'Oxford',
  budget_lines: [{ item: 'Everything', amount: 1000 * n }],
  contact: { name: `Contact ${n}`, email: `contact-${n}@example.org`, phone: `01865 000${String(900 + n)}` },
  ...extra,
});

export async function buildWorld(db: Database, upTo: 'closed' | 'scoring' | 'panel' = 'scoring'): Promise<World> {
  counter += 1;
  const tag = `T${counter}${Math.random().toString(36).slice(2, 7)}`.toUpperCase().slice(0, 8);
  const officer = seeded('officer');
  const person: Record<string, string> = {};
  for (const k of [
    'stranger',
    'applicant',
    'otherRound',
    'reviewer',
    'community',
    'councillor',
    'conflicted',
    'chair',
    'clerk',
    'spare',
    'spareMember',
    'spareReviewer',
  ]) {
    person[k] = await createUser(db, `${k.toLowerCase()}-${tag.toLowerCase()}@example.org`);
  }
  const actor = (k: string) => signedIn(person[k]!, `${k.toLowerCase()}-${tag.toLowerCase()}@example.org`);
  const actors = { anonymous, officer, scrutiny: seeded('scrutiny') } as Record<Kind, Actor>;
  for (const k of KINDS) actors[k] ??= actor(k);

  const fund = await ok(db, officer, 'create_fund', { p_slug: `test-${tag.toLowerCase()}`, p_name: `Test fund ${tag}`, p_budget: 50000 });
  const round = await ok(db, officer, 'create_round', {
    p_fund_id: fund.id,
    p_title: `Test round ${tag}`,
    p_reference_prefix: tag,
    // A fair panel for scoring (the chair and two seats each would be the default): the world's one councillor member.
    p_councillors_needed: 1,
  });
  const criteria: Criterion[] = [];
  for (const [weight, maximum] of [
    [50, 4],
    [30, 3],
    [20, 5],
  ] as const) {
    const descriptors = Array.from({ length: maximum + 1 }, (_, i) => `Level ${i}`);
    const c = await ok(db, officer, 'add_criterion', {
      p_round_id: round.id,
      p_title: `Criterion ${criteria.length + 1}`,
      p_weight: weight,
      p_maximum: maximum,
      p_descriptors: descriptors,
    });
    criteria.push({ id: c.id, weight, maximum });
  }
  const spare = await ok(db, officer, 'add_criterion', {
    p_round_id: round.id,
    p_title: 'Spare',
    p_weight: 1,
    p_maximum: 1,
    p_descriptors: ['No', 'Yes'],
  });
  const apps: string[] = [];
  for (let n = 1; n <= 6; n++) {
    const extra = n === 1 ? { applicant_id: person.applicant } : {};
    const a = await ok(db, officer, 'add_application', { p_round_id: round.id, p_application: application(n, extra) });
    await ok(db, officer, 'write_application_summary', { p_application_id: a.id, p_summary: `Summary of project ${n}.` });
    apps.push(a.id);
  }
  const member = {} as World['member'];
  for (const [k, seat, role] of [
    ['community', 'community', 'member'],
    ['councillor', 'councillor', 'member'],
    ['conflicted', 'community', 'member'],
    ['chair', 'councillor', 'chair'],
    ['clerk', null, 'clerk'],
    ['spare', 'community', 'member'],
  ] as const) {
    const who = k === 'spare' ? 'spareMember' : k;
    member[k] = (
      await ok(db, officer, 'add_panel_member', { p_round_id: round.id, p_person_id: person[who], p_seat: seat, p_role: role })
    ).id;
  }
  for (const k of ['reviewer', 'spareReviewer']) await ok(db, officer, 'add_reviewer', { p_round_id: round.id, p_person_id: person[k] });

  // Another round, whose member must see nothing of this one.
  const other = await ok(db, officer, 'create_round', { p_fund_id: fund.id, p_title: `Other round ${tag}`, p_reference_prefix: `${tag}B` });
  await ok(db, officer, 'add_criterion', {
    p_round_id: other.id,
    p_title: 'Only one',
    p_weight: 1,
    p_maximum: 2,
    p_descriptors: ['a', 'b', 'c'],
  });
  const otherApp = await ok(db, officer, 'add_application', { p_round_id: other.id, p_application: application(9) });
  await ok(db, officer, 'write_application_summary', { p_application_id: otherApp.id, p_summary: 'Other summary.' });
  await ok(db, officer, 'add_panel_member', { p_round_id: other.id, p_person_id: person.otherRound, p_seat: 'community' });
  // A panel of one, not fair: scoring is started with a reason, as an officer may.
  for (const to of ['open', 'closed', 'scoring'])
    await ok(db, officer, 'move_round', {
      p_round_id: other.id,
      p_to: to,
      ...(to === 'scoring' ? { p_force_reason: 'A test round of one member.' } : {}),
    });
  await ok(db, actors.otherRound, 'accept_confidentiality', { p_round_id: other.id });

  for (const to of ['open', 'closed']) await ok(db, officer, 'move_round', { p_round_id: round.id, p_to: to });
  const w: World = {
    tag,
    fundId: fund.id,
    roundId: round.id,
    otherRoundId: other.id,
    otherAppId: otherApp.id,
    criteria,
    spareCriterionId: spare.id,
    apps,
    actors,
    person,
    member,
  };
  if (upTo === 'closed') return w;

  await ok(db, officer, 'remove_criterion', { p_criterion_id: spare.id });
  await ok(db, officer, 'move_round', { p_round_id: round.id, p_to: 'scoring' });
  for (const k of ['community', 'councillor', 'conflicted', 'chair', 'clerk'] as const) {
    await ok(db, actors[k], 'accept_confidentiality', { p_round_id: round.id });
    for (const [i, app] of apps.entries()) {
      const conflict = k === 'conflicted' && i <= 4;
      await ok(db, actors[k], 'declare_interest', {
        p_application_id: app,
        p_has_conflict: conflict,
        p_reason: conflict ? 'I am a trustee.' : null,
      });
    }
  }
  // Ready for the matrix: apps[3] submitted by three scorers, apps[4] submitted with a reopen
  // request by the community and councillor members.
  for (const k of ['community', 'councillor', 'chair'] as const)
    await ok(db, actors[k], 'submit_scores', { p_application_id: apps[3], p_scores: fullScores(w, 2) });
  for (const k of ['community', 'councillor'] as const) {
    await ok(db, actors[k], 'submit_scores', { p_application_id: apps[4], p_scores: fullScores(w, 3) });
    await ok(db, actors[k], 'request_score_reopen', { p_application_id: apps[4], p_reason: 'I misread the budget.' });
  }
  if (upTo === 'scoring') return w;

  await ok(db, officer, 'move_round', { p_round_id: round.id, p_to: 'panel', p_force_reason: 'Testing the panel stage.' });
  return w;
}
