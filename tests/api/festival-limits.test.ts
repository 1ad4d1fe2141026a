// Over HTTP the stand-in gives the database the client's address as request.headers'
// x-forwarded-for (as Supabase's gateway does), so one client is limited whatever email
// addresses it gives: the limit's refusal is a 429 with its key, and stores nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestStandIn, type TestStandIn } from '../support/stand-in.ts';

let standIn: TestStandIn;
beforeAll(async () => {
  standIn = await startTestStandIn();
});
afterAll(() => standIn.close());

const book = (i: number) =>
  standIn.client().rpc('festival_book', {
    p_edition: '2027-festival',
    p_name: 'Limit Tester',
    p_email: `limit.${i}@example.org`,
    p_sessions: ['welcome'],
  });

it('refuses a client its 21st booking in an hour with 429 too_many_bookings, storing nothing', async () => {
  const [{ per_client }] = (await standIn.db.query<{ per_client: number }>('select per_client from private.festival_booking_limits()')) as [
    { per_client: number },
  ];
  for (let i = 0; i < per_client; i += 1) expect((await book(i)).error).toBeNull();
  const count = async () => Number((await standIn.db.query<{ n: string }>('select count(*) as n from private.festival_bookings'))[0]!.n);
  const before = await count();
  const refused = await book(per_client);
  expect(refused.status).toBe(429);
  expect(JSON.parse(refused.error!.details!)).toMatchObject({ key: 'too_many_bookings' });
  expect(await count()).toBe(before);
});
