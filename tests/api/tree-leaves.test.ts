// Leaves over HTTP through the stand-in, as the tree's pages send them (supabase-js rpc, then
// api-call.ts's describeProblem): anonymous callers add leaves; past the limit for one address
// the answer is 429 with the key too_many_leaves, and an X-Forwarded-For the client makes up does
// not help, because the stand-in, like Supabase's gateway, sets the address itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/lib/api-call.ts';
import { startTestStandIn, type TestStandIn } from '../support/stand-in.ts';

let s: TestStandIn;
let perAddress: number;
beforeAll(async () => {
  s = await startTestStandIn();
  perAddress = (await s.db.query<{ n: number }>('select per_address as n from private.tree_limits()'))[0]!.n;
});
afterAll(() => s?.close());

const leaf = (n: number) => ({ p_what: `Leaf ${n} from the walk group`, p_what_changed: 'More people walk together.' });

async function send(n: number, forwardedFor: string) {
  return fetch(`${s.url}/rest/v1/rpc/tree_add_leaf`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      apikey: s.keys.anonKey,
      Authorization: `Bearer ${s.keys.anonKey}`,
      'X-Forwarded-For': forwardedFor,
    },
    body: JSON.stringify(leaf(n)),
  });
}

describe('leaves over HTTP', () => {
  it('takes leaves from an anonymous caller, then refuses past the limit whatever X-Forwarded-For says', async () => {
    const client = s.client();
    const first = await client.rpc('tree_add_leaf', leaf(0));
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ status: 'waiting' });
    for (let i = 1; i < perAddress; i++) expect((await send(i, `198.51.100.${i}`)).status).toBe(200);
    const refused = await send(perAddress, '203.0.113.99');
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { message: string; details: string; code: string };
    expect(describeProblem(429, body, 'form')).toMatchObject({ key: 'too_many_leaves', facts: { scope: 'address' } });
    const [row] = await s.db.query<{ n: string }>('select count(*) as n from private.tree_leaves where what like $1', [
      'Leaf % from the walk group',
    ]);
    expect(Number(row!.n)).toBe(perAddress);
  });

  it('answers a filled-in hidden field with 400 and its key', async () => {
    const { status, error } = await s.client().rpc('tree_add_leaf', { ...leaf(99), p_website: 'x' });
    expect(status).toBe(400);
    expect(describeProblem(status, error, 'form')).toMatchObject({ key: 'leaf_not_taken' });
  });
});
