// A forced move strands finished drafts (issue 16): before an officer moves a round to the
// panel day, they see who has scored an application in full but not sent it, and can remind
// them by email (through the outbox, at most once a member a day). Partial drafts, sent scores
// and conflicts do not count; only officers may see the list or send the reminders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { ok, refused, seeded } from './support.ts';
import { buildWorld, fullScores, type World } from './world.ts';

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
});
afterAll(() => db.close());

const officer = seeded('officer');
const reminders = () =>
  db.query<{ recipient: string; subject: string; body: string; link: string }>(
    "select recipient, subject, body, link from private.outbox where template = 'scoring_drafts_unsent' order by recipient",
  );
const emailOf = (k: string) => `${k.toLowerCase()}-${w.tag.toLowerCase()}@example.org`;
type Unsent = { display_name: string; drafts: number; references: string[]; person_id: string };
const unsent = async (): Promise<Unsent[]> => (await ok(db, officer, 'get_round', { p_round_id: w.roundId })).unsent_drafts;

describe('finished drafts not sent', () => {
  it('are none while nobody has a finished draft; partial drafts do not count', async () => {
    await ok(db, w.actors.councillor, 'save_draft_scores', {
      p_application_id: w.apps[1],
      p_scores: [{ criterion_id: w.criteria[0]!.id, score: 1 }],
    });
    expect(await unsent()).toEqual([]);
  });

  it('are listed for the officer by member, with how many and which applications', async () => {
    for (const i of [0, 2])
      await ok(db, w.actors.community, 'save_draft_scores', { p_application_id: w.apps[i], p_scores: fullScores(w, i) });
    await ok(db, w.actors.chair, 'save_draft_scores', { p_application_id: w.apps[0], p_scores: fullScores(w, 0) });
    const list = await unsent();
    expect(list.map((u) => [u.drafts, u.references])).toEqual(
      expect.arrayContaining([
        [2, [`${w.tag}-001`, `${w.tag}-003`]],
        [1, [`${w.tag}-001`]],
      ]),
    );
    expect(list).toHaveLength(2);
    expect(list.map((u) => u.person_id).sort()).toEqual([w.person.community, w.person.chair].sort());
  });

  it('are not shown to anyone but officers', async () => {
    for (const k of ['chair', 'clerk', 'community'] as const) {
      const round = await ok(db, w.actors[k], 'get_round', { p_round_id: w.roundId });
      expect(round).not.toHaveProperty('unsent_drafts');
    }
  });

  it('a sent draft leaves the list', async () => {
    await ok(db, w.actors.chair, 'submit_scores', { p_application_id: w.apps[0], p_scores: fullScores(w, 0) });
    expect((await unsent()).map((u) => u.person_id)).toEqual([w.person.community]);
  });
});

describe('reminding them', () => {
  it('emails each member with finished drafts, with the link to their round', async () => {
    const r = await ok(db, officer, 'remind_unsent_drafts', { p_round_id: w.roundId });
    expect(r).toMatchObject({ queued: 1 });
    const mail = await reminders();
    expect(mail).toEqual([
      {
        recipient: emailOf('community'),
        subject: `Your scores for Test round ${w.tag} are not sent yet`,
        body: expect.stringContaining(`You have scored 2 applications for Test round ${w.tag}, but you have not sent those scores yet.`),
        link: `/panel/round/?id=${w.roundId}`,
      },
    ]);
    // Every placeholder filled but the link, which the sender puts in.
    expect(mail[0]!.body.match(/\{[a-z_]+\}/g)).toEqual(['{link}']);
  });

  it('sends nothing twice however often it is pressed the same day', async () => {
    expect(await ok(db, officer, 'remind_unsent_drafts', { p_round_id: w.roundId })).toMatchObject({ queued: 0 });
    expect(await reminders()).toHaveLength(1);
  });

  it('is for officers only', async () => {
    for (const k of ['chair', 'clerk', 'community', 'scrutiny'] as const) {
      const r = await refused(db, w.actors[k], 'remind_unsent_drafts', { p_round_id: w.roundId }, 403);
      expect(r.refusal.key).toBe('not_officer');
    }
    expect(await reminders()).toHaveLength(1);
  });

  it('is only while the round is being scored', async () => {
    await ok(db, officer, 'move_round', { p_round_id: w.roundId, p_to: 'panel', p_force_reason: 'The panel meets tomorrow.' });
    const r = await refused(db, officer, 'remind_unsent_drafts', { p_round_id: w.roundId }, 409, 'PT409');
    expect(r.refusal).toMatchObject({ key: 'reminders_not_now', stage: 'panel' });
    // Once scoring has closed there is no list to act on.
    expect(await unsent()).toEqual([]);
  });
});
