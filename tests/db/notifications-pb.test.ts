// What participatory budgeting tells residents, through the outbox: an idea received; the vote's
// receipt (the code exists only inside api.pb_cast_ballot, and leaves the database's copy once
// sent); the result published, to everyone who voted online or sent an idea, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/database.ts';
import { openTestDatabase, serviceRole } from '../support/db.ts';
import { ok } from './pb/support.ts';
import { addProposal, buildPbWorld, makeEligible, newResident, setPhase, type PbWorld } from './pb/world.ts';

let db: Database;
let w: PbWorld;

beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildPbWorld(db, { phase: 'proposals' });
});
afterAll(async () => {
  await db.close();
});

type Mail = { id: string; recipient: string; subject: string; body: string; link: string; dedupe_key: string };
const mailTo = (personId: string, template: string) =>
  db.query<Mail>(
    'select id, recipient, subject, body, link, dedupe_key from private.outbox where person_id = $1 and template = $2 order by id',
    [personId, template],
  );

describe('participatory budgeting', () => {
  it('tells a resident their idea was received, with its number and its page', async () => {
    const sent = await ok<{ id: string; number: number }>(db, w.resident, 'pb_propose', {
      p_process_id: w.processId,
      p_title: 'Benches by the river',
      p_summary: 'Three benches.',
      p_details: 'Somewhere to sit by the river.',
      p_estimated_cost: 3000,
    });
    const [mail, ...more] = await mailTo(w.person.resident, 'pb_proposal_received');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ subject: 'We have received your idea: Benches by the river', link: `/budgeting/proposal/?id=${sent.id}` });
    expect(mail!.body).toContain(`Thank you for your idea for Test process ${w.tag}. We have received it as idea 5: Benches by the river.`);
  });

  it('emails the receipt code of each vote and each change, and keeps no copy of a code once sent', async () => {
    await setPhase(db, w, 'voting');
    await makeEligible(db, w, w.person.resident);
    const first = await ok<{ receipt: string }>(db, w.resident, 'pb_cast_ballot', {
      p_process_id: w.processId,
      p_proposal_ids: [w.shortlist[0]!.id],
    });
    const second = await ok<{ receipt: string }>(db, w.resident, 'pb_cast_ballot', {
      p_process_id: w.processId,
      p_proposal_ids: [w.shortlist[1]!.id],
    });
    const mails = await mailTo(w.person.resident, 'pb_vote_receipt');
    expect(mails.map((m) => m.body.includes(first.receipt))).toEqual([true, false]);
    expect(mails.map((m) => m.body.includes(second.receipt))).toEqual([false, true]);
    expect(mails[0]).toMatchObject({ subject: `We have received your vote in Test process ${w.tag}`, link: `/budgeting/check-ballot/` });
    expect(mails.every((m) => !m.dedupe_key.includes(first.receipt) && !m.dedupe_key.includes(second.receipt))).toBe(true);

    const claimed = await ok<{ id: number }[]>(db, serviceRole, 'outbox_claim', { p_batch: 500 });
    await ok(db, serviceRole, 'outbox_mark_sent', { p_ids: claimed.map((r) => r.id) });
    const [{ found }] = (await db.query<{ found: boolean }>(
      `select exists (select 1 from private.outbox o where o::text like '%' || $1 || '%' or o::text like '%' || $2 || '%') as found`,
      [first.receipt, second.receipt],
    )) as [{ found: boolean }];
    expect(found).toBe(false);
    expect((await mailTo(w.person.resident, 'pb_vote_receipt'))[1]!.body).toContain('(removed once this email was sent)');
  });

  it('tells everyone who voted online or sent an idea when the result is published, once each', async () => {
    const voter = await newResident(db, 'voter');
    await makeEligible(db, w, voter.sub);
    await ok(db, voter, 'pb_cast_ballot', { p_process_id: w.processId, p_proposal_ids: [w.shortlist[2]!.id] });
    const author = await newResident(db, 'author');
    await addProposal(db, w, { author_id: author.sub });
    const bystander = await newResident(db, 'bystander');
    const [result] = await db.query<{ id: string }>(
      `insert into private.pb_results (process_id, rule, options, ballot_file, ballot_file_sha256, result, ballots)
       values ($1, 'greedy', '{}', 'META', repeat('0', 64), '{}', 2) returning id`,
      [w.processId],
    );
    await db.query('update private.pb_results set published_at = now() where id = $1', [result!.id]);
    await db.query("update private.pb_results set published_at = now() + interval '1 minute' where id = $1", [result!.id]);
    for (const person of [w.person.resident, voter.sub, author.sub]) {
      const mails = await mailTo(person, 'pb_result_published');
      expect(mails, person).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        subject: `The results of Test process ${w.tag} are published`,
        link: `/budgeting/results/?p=${w.slug}`,
      });
    }
    expect(await mailTo(bystander.sub, 'pb_result_published')).toEqual([]);
  });
});
