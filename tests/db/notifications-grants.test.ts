// What the grants panel tells people, through the outbox: added to a panel; scoring opens;
// reminders two days and one day before the deadline to members with scores to send (once
// each, however often the reminders run); scoring closed early; recommendations ready for
// reviewers; Cabinet's decision to the panel (once per Cabinet date) and the applicant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/database.ts';
import { openTestDatabase, serviceRole } from '../support/db.ts';
import { ok, seeded } from './grants/support.ts';
import { buildWorld, type World } from './grants/world.ts';

let db: Database;
let w: World;

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'closed');
});
afterAll(async () => {
  await db.close();
});

type Mail = { recipient: string; person_id: string; template: string; subject: string; body: string; link: string; dedupe_key: string };

const mailFor = (template: string) =>
  db.query<Mail>(
    'select recipient, person_id, template, subject, body, link, dedupe_key from private.outbox where template = $1 order by recipient',
    [template],
  );
const emailOf = (k: string) => `${k.toLowerCase()}-${w.tag.toLowerCase()}@example.org`;
const seatedPeople = () => ['community', 'councillor', 'conflicted', 'chair', 'spareMember'].map(emailOf).sort();

describe('the panel', () => {
  it('tells each person added to the panel, with the link to the round, the clerk with the panel day', async () => {
    const added = (await mailFor('panel_member_added')).filter((m) => m.link === `/panel/round/?id=${w.roundId}`);
    expect(added.map((m) => m.recipient)).toEqual(seatedPeople());
    const chair = added.find((m) => m.recipient === emailOf('chair'))!;
    expect(chair.subject).toBe(`You have been added to the panel for Test round ${w.tag}`);
    expect(chair.body).toContain(`as its chair.`);
    expect(added.find((m) => m.recipient === emailOf('councillor'))!.body).toContain('as a councillor member.');
    const clerk = (await mailFor('panel_clerk_added')).filter((m) => m.recipient === emailOf('clerk'));
    expect(clerk).toMatchObject([{ link: `/panel/lead/?round=${w.roundId}` }]);
  });

  it('tells a member removed and added back again, and nobody for the removal', async () => {
    const before = (await mailFor('panel_member_added')).length;
    await ok(db, seeded('officer'), 'remove_panel_member', { p_member_id: w.member.spare, p_reason: 'Testing.' });
    expect((await mailFor('panel_member_added')).length).toBe(before);
    await ok(db, seeded('officer'), 'add_panel_member', { p_round_id: w.roundId, p_person_id: w.person.spareMember, p_seat: 'community' });
    const spare = (await mailFor('panel_member_added')).filter((m) => m.recipient === emailOf('spareMember') && m.link.endsWith(w.roundId));
    expect(spare).toHaveLength(2);
  });
});

describe('scoring', () => {
  it('tells each member with a seat when scoring opens, with the deadline in words, and not the clerk', async () => {
    await ok(db, seeded('officer'), 'update_round', {
      p_round_id: w.roundId,
      p_scoring_deadline: new Date(Date.now() + 40 * 3600_000).toISOString(),
    });
    await ok(db, seeded('officer'), 'remove_criterion', { p_criterion_id: w.spareCriterionId });
    await ok(db, seeded('officer'), 'move_round', { p_round_id: w.roundId, p_to: 'scoring' });
    const open = (await mailFor('scoring_open')).filter((m) => m.link === `/panel/round/?id=${w.roundId}`);
    expect(open.map((m) => m.recipient)).toEqual(seatedPeople());
    expect(open[0]!.body).toMatch(
      /There are 6 applications to score\. Please send your scores by \d{1,2}:\d\d[ap]m on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}\./,
    );
  });

  it('reminds members with scores to send two days before the deadline, once however often it runs', async () => {
    const first = await ok<{ queued: number }>(db, serviceRole, 'queue_deadline_reminders');
    const mine = (await mailFor('scoring_deadline_two_days')).filter((m) => m.link.endsWith(w.roundId));
    expect(mine.map((m) => m.recipient)).toEqual(seatedPeople());
    expect(first.queued).toBeGreaterThanOrEqual(mine.length);
    expect(mine[0]!.body).toContain('You still have 6 applications to send.');
    expect(await ok(db, serviceRole, 'queue_deadline_reminders')).toEqual({ queued: 0 });
  });

  it('copes with a round in scoring that has no deadline: no reminders, and the opening email says so', async () => {
    const other = await db.query<Mail>(
      'select recipient, person_id, template, subject, body, link, dedupe_key from private.outbox where link = $1 order by id',
      [`/panel/round/?id=${w.otherRoundId}`],
    );
    expect(other.map((m) => m.template)).toEqual(['panel_member_added', 'scoring_open']);
    expect(other[1]!.body).toContain('Please send your scores by the date the grants officer gives you.');
  });

  it('reminds again one day before (only those still owing scores), once', async () => {
    // The chair sends every score; the others still owe theirs.
    await ok(db, w.actors.chair, 'accept_confidentiality', { p_round_id: w.roundId });
    for (const app of w.apps) await ok(db, w.actors.chair, 'declare_interest', { p_application_id: app, p_has_conflict: false });
    const scores = w.criteria.filter((c) => c.id !== w.spareCriterionId).map((c) => ({ criterion_id: c.id, score: 1, comment: null }));
    for (const app of w.apps) await ok(db, w.actors.chair, 'submit_scores', { p_application_id: app, p_scores: scores });
    await db.query(`update private.rounds set scoring_deadline = now() + interval '20 hours' where id = $1`, [w.roundId]);
    await ok(db, serviceRole, 'queue_deadline_reminders');
    await ok(db, serviceRole, 'queue_deadline_reminders');
    const mine = (await mailFor('scoring_deadline_one_day')).filter((m) => m.link.endsWith(w.roundId));
    expect(mine.map((m) => m.recipient)).toEqual(seatedPeople().filter((e) => e !== emailOf('chair')));
    expect(mine[0]!.subject).toBe(`One day left to send your scores for Test round ${w.tag}`);
    expect((await mailFor('scoring_deadline_two_days')).filter((m) => m.link.endsWith(w.roundId))).toHaveLength(5);
  });

  it('tells each member when scoring closes early, saying whether they had scores left to send', async () => {
    await ok(db, seeded('officer'), 'move_round', { p_round_id: w.roundId, p_to: 'panel', p_force_reason: 'The panel meets early.' });
    const done = (await mailFor('scoring_closed_early')).filter((m) => m.link.endsWith(w.roundId));
    const unsent = (await mailFor('scoring_closed_early_unsent')).filter((m) => m.link.endsWith(w.roundId));
    expect(done.map((m) => m.recipient)).toEqual([emailOf('chair')]);
    expect(unsent.map((m) => m.recipient)).toEqual(seatedPeople().filter((e) => e !== emailOf('chair')));
    expect(unsent.find((m) => m.recipient === emailOf('community'))!.body).toContain(
      'You had 6 applications still to send. You can no longer send them',
    );
  });
});

describe('after the panel', () => {
  it('tells each reviewer that the recommendations are ready, with the review page', async () => {
    await db.query(`update private.rounds set state = 'recommended' where id = $1`, [w.roundId]);
    const ready = (await mailFor('review_ready')).filter((m) => m.link === `/panel/review/?round=${w.roundId}`);
    expect(ready.map((m) => m.recipient)).toEqual([emailOf('reviewer'), emailOf('spareReviewer')].sort());
  });

  it('tells the panel once per Cabinet date, and the applicant who applied online once per decision', async () => {
    for (const app of w.apps.slice(0, 3)) {
      await db.query(
        `insert into private.cabinet_decisions (application_id, round_id, decision, amount, decided_on, minute_reference)
                      values ($1, $2, 'award', 1000, '2026-12-10', 'CAB-42')`,
        [app, w.roundId],
      );
    }
    const panel = (await mailFor('cabinet_decided_panel')).filter((m) => m.link.endsWith(w.roundId));
    expect(panel.map((m) => m.recipient)).toEqual([...seatedPeople(), emailOf('clerk')].sort());
    expect(panel[0]!.body).toContain('(meeting of Thursday 10 December 2026, minute CAB-42)');
    const applicant = (await mailFor('cabinet_decided_applicant')).filter((m) => m.recipient === emailOf('applicant'));
    expect(applicant).toHaveLength(1);
    expect(applicant[0]!.subject).toBe(`A decision has been made on your application ${w.tag}-001`);
  });
});
