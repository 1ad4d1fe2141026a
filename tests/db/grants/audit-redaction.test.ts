// Scores hidden while a round is being scored stay hidden in the audit trail: the trail shows
// each event's hash, and a score is a small number, so without a secret in the hash a reader
// could hash every possible score and see which one matches (the attack of issue 12). Each
// event's hash now includes a random 128-bit salt that no api function returns to a reader.
// Here the attack is run as scrutiny and as an officer against every visible hash field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { ok, seeded } from './support.ts';
import { buildWorld, type World } from './world.ts';

let db: Database;
let w: World;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildWorld(db, 'scoring');
  // Real hidden scores: one member scores every criterion of one application and submits.
  const scores = w.criteria.map((c, i) => ({ criterion_id: c.id, score: (i * 2 + 1) % (c.maximum + 1), comment: null }));
  await ok(db, w.actors.community, 'submit_scores', { p_application_id: w.apps[0], p_scores: scores });
});
afterAll(() => db.close());

interface Shown {
  id: number;
  at: string;
  actor: string | null;
  actor_role: string;
  action: string;
  table_name: string;
  row_id: string;
  old_values: Record<string, unknown> | null;
  new_values: Record<string, unknown> | null;
  details: unknown;
  prev_hash: string;
  hash: string;
}

/** sha256(prev_hash || text) over a candidate event, with the lane and salt the attacker guesses. */
const candidateHashes = async (e: Shown, newValues: Record<string, unknown>, lane: number | null, salt: string | null) =>
  (
    await db.query<{ h: string }>(
      `select encode(extensions.digest($1 || private.audit_event_text($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, decode($13, 'hex')), 'sha256'), 'hex') as h,
            encode(extensions.digest($1 || jsonb_build_object('id', $2::bigint, 'at', to_char($3::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
              'actor', $4::uuid, 'actor_role', $5::text, 'action', $6::text, 'table_name', $7::text, 'row_id', $8::text, 'old_values', $9::jsonb,
              'new_values', $10::jsonb, 'details', $11::jsonb, 'prev_hash', $1::text)::text, 'sha256'), 'hex') as old_scheme`,
      [
        e.prev_hash,
        e.id,
        e.at,
        e.actor,
        e.actor_role,
        e.action,
        e.table_name,
        e.row_id,
        e.old_values,
        newValues,
        e.details,
        lane,
        salt ?? '',
      ],
    )
  ).flatMap((r) => Object.values(r));

describe.each(['scrutiny', 'officer'] as const)('as %s, while the round is being scored', (who) => {
  let events: Shown[];
  beforeAll(async () => {
    const trail = await ok(db, seeded(who), 'audit_trail', { p_table: 'scores', p_limit: 500 });
    events = (trail.events as Shown[]).filter(
      (e) => e.new_values?.redacted === 'until scoring closes' && e.new_values.application_id === w.apps[0],
    );
  });

  it('the score events are shown with their values hidden, but with their hashes', () => {
    expect(events).toHaveLength(w.criteria.length);
    for (const e of events) {
      expect(e.new_values).not.toHaveProperty('score');
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      // Nothing shown carries the salt or the lane.
      expect(Object.keys(e).sort()).toEqual([
        'action',
        'actor',
        'actor_name',
        'actor_role',
        'at',
        'details',
        'hash',
        'id',
        'names',
        'new_values',
        'old_values',
        'prev_hash',
        'row_id',
        'table_name',
      ]);
    }
  });

  it('trying every possible score against every hash shown confirms none of them', async () => {
    const trail = await ok(db, seeded(who), 'audit_trail', { p_limit: 500 });
    const visible = new Set((trail.events as Shown[]).flatMap((e) => [e.hash, e.prev_hash]));
    let tried = 0;
    for (const e of events) {
      const criterion = w.criteria.find((c) => c.id === e.new_values!.criterion_id)!;
      const { redacted: _hidden, ...shown } = e.new_values!;
      for (let score = 0; score <= criterion.maximum; score++) {
        const guess = { ...shown, score, comment: null };
        // Without the salt the attacker can only guess it (none, or zeros) and try every lane.
        for (const lane of [null, ...Array.from({ length: 64 }, (_, i) => i)]) {
          for (const salt of [null, '00'.repeat(16)]) {
            for (const h of await candidateHashes(e, guess, lane, salt)) {
              tried++;
              expect(visible.has(h), `score ${score} of event ${e.id} confirmed by a hash`).toBe(false);
            }
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });

  it('the same reconstruction does confirm the true score once the secret salt is known (so the test above is a real attempt)', async () => {
    for (const e of events) {
      const [secret] = await db.query<{ lane: number; salt: string; score: number }>(
        `select lane, encode(salt, 'hex') as salt, (new_values ->> 'score')::int as score from private.audit_events where id = $1`,
        [e.id],
      );
      const { redacted: _hidden, ...shown } = e.new_values!;
      const [withSalt] = await candidateHashes(e, { ...shown, score: secret!.score, comment: null }, secret!.lane, secret!.salt);
      expect(withSalt).toBe(e.hash);
    }
  });
});
