// Signed checkpoints anchor the audit chain outside the database. Each tampering below is done
// as whoever holds the database would do it: triggers off, the change made, then every later
// hash and every lane head recomputed, so that api.verify_audit_chain() answers intact (checked).
// The checkpoint verification still finds each one once a checkpoint covers the tampered event,
// and reports a tampering after the last checkpoint as not yet covered.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAgainstCheckpoints, type ExportedEvent } from '../../../src/lib/audit/verify-checkpoints.ts';
import { publicJwk } from '../../../supabase/functions/_shared/audit-checkpoint.ts';
import { CHECKPOINTS_FILE, loadOrCreateSigningKey, readPublishedCheckpoints, takeCheckpoint } from '../../../supabase/local/checkpoints.ts';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs, openTestDatabase, serviceRole } from '../../support/db.ts';
import { ok, seeded } from './support.ts';

let db: Database;
let keysDir: string;
beforeEach(async () => {
  db = await openTestDatabase();
  keysDir = await mkdtemp(join(tmpdir(), 'wt-audit-keys-'));
});
afterEach(async () => {
  await db.close();
  await rm(keysDir, { recursive: true, force: true });
});
afterAll(() => undefined);

const checkpoint = () => takeCheckpoint({ db, keysDir });

/** The chain through the service-role export, a page at a time. */
const readChain = async (after: number): Promise<ExportedEvent[]> => {
  const result = await callAs(db, serviceRole, 'audit_chain_export', { p_after_id: after, p_limit: 2000 });
  if (!result.ok) throw new Error(result.message);
  return (result.data as { events: ExportedEvent[] }).events;
};
const verify = async () =>
  verifyAgainstCheckpoints(readChain, await readPublishedCheckpoints(keysDir), publicJwk(await loadOrCreateSigningKey(keysDir)));
const verifyInDatabase = () => ok(db, seeded('scrutiny'), 'verify_audit_chain');

/** As the attacker: with triggers off, run sql, then re-link every lane and its head. */
const tamper = async (sql: string, params: unknown[] = []) => {
  await db.transaction(async (tx) => {
    await tx.exec('alter table private.audit_events disable trigger audit_events_append_only');
    if (params.length) await tx.query(sql, params);
    else await tx.exec(sql);
    await tx.exec(`do $$
      declare e record; l int; v_prev text; v_n bigint; v_last bigint;
      begin
        for l in 0 .. private.audit_lanes() - 1 loop
          v_prev := repeat('0', 64); v_n := 0; v_last := null;
          for e in select * from private.audit_events where lane = l order by id loop
            update private.audit_events set prev_hash = v_prev,
              hash = private.audit_event_hash(v_prev, e.id, e.at, e.actor, e.actor_role, e.action, e.table_name, e.row_id,
                                              e.old_values, e.new_values, e.details, e.lane, e.salt)
            where id = e.id returning hash into v_prev;
            v_n := v_n + 1; v_last := e.id;
          end loop;
          update private.audit_chain_head set last_id = v_last, last_hash = v_prev, events = v_n where lane = l;
        end loop;
      end $$`);
    await tx.exec('alter table private.audit_events enable trigger audit_events_append_only');
  });
  // The attack works against the database's own check: that is why checkpoints are needed.
  expect(await verifyInDatabase()).toMatchObject({ intact: true });
};

/** An event in the seed's lane, n from the start, and that lane's last event. */
const seedEvent = async (offset: number) => {
  const [row] = await db.query<{ id: string; lane: number }>(
    `select id, lane from private.audit_events where table_name = 'scores' order by id limit 1 offset $1`,
    [offset],
  );
  return { id: Number(row!.id), lane: row!.lane };
};
/** More events after the checkpoint, as the site would write them. */
const writeMore = async () => {
  for (let i = 0; i < 3; i++) await ok(db, seeded('scrutiny'), 'audit_trail', { p_limit: 1 });
};

describe('a checkpoint', () => {
  it('is signed outside the data folder, published in a file beside the key, stored in the database and mailed to scrutiny', async () => {
    const signed = await checkpoint();
    expect(JSON.parse(signed.statement)).toMatchObject({ v: 1, events: expect.any(Number), lanes: expect.any(Array) });
    expect(await readPublishedCheckpoints(keysDir)).toEqual([signed]);
    expect((await stat(join(keysDir, 'audit-signing-key.jwk'))).mode & 0o077).toBe(0);
    expect(await readFile(join(keysDir, CHECKPOINTS_FILE), 'utf8')).toContain(signed.signature);
    const [stored] = await db.query<{ statement: string }>('select statement from private.audit_checkpoints');
    expect(stored!.statement).toBe(signed.statement);
    // Storing it queued the email to scrutiny in the outbox, with the signed statement.
    const queued = await db.query<{ recipient: string; body: string }>(
      `select recipient, body from private.outbox where template = 'audit_checkpoint'`,
    );
    expect(queued.map((m) => m.recipient)).toContain('scrutiny@example.org');
    expect(queued[0]!.body).toContain(signed.signature);
    // The database holds no key: nothing in it looks like the private half.
    const key = await loadOrCreateSigningKey(keysDir);
    const [{ found }] = (await db.query<{ found: boolean }>(
      `select exists (select 1 from private.audit_checkpoints where statement like '%' || $1 || '%' or signature like '%' || $1 || '%') as found`,
      [key.d],
    )) as [{ found: boolean }];
    expect(found).toBe(false);
  });

  it('an untouched chain verifies against it, with nothing left uncovered', async () => {
    await checkpoint();
    const verdict = await verify();
    expect(verdict).toMatchObject({ intact: true, problems: [], checkpoints: 1, notYetCovered: null });
    expect(verdict.events).toBeGreaterThan(100);
  });

  it("the chain export and the signer's functions are for the service role only", async () => {
    for (const fn of ['audit_chain_export', 'audit_checkpoint_heads', 'record_audit_checkpoint']) {
      const args = fn === 'record_audit_checkpoint' ? { p_statement: '{}', p_signature: 'x', p_key_id: 'x' } : {};
      for (const who of [seeded('scrutiny'), seeded('officer')]) {
        expect(await callAs(db, who, fn, args)).toMatchObject({ ok: false, code: '42501' });
      }
    }
  });

  it('a forged checkpoint (not signed by the key) is refused', async () => {
    const signed = await checkpoint();
    const forged = { ...signed, statement: signed.statement.replace(/"events":\d+/, '"events":1') };
    const verdict = await verifyAgainstCheckpoints(readChain, [forged], publicJwk(await loadOrCreateSigningKey(keysDir)));
    expect(verdict.intact).toBe(false);
    expect(verdict.problems[0]!.message).toMatch(/signature is not the audit signing key/);
  });
});

describe('each re-linked tampering is found once a checkpoint covers the tampered event', () => {
  it('an edit of an event', async () => {
    const target = await seedEvent(10);
    await checkpoint();
    await tamper(`update private.audit_events set new_values = jsonb_set(new_values, '{score}', '0') where id = $1`, [target.id]);
    const verdict = await verify();
    expect(verdict.intact).toBe(false);
    // A checkpoint signs each lane's head, so the difference shows at the lane's checkpointed end.
    expect(verdict.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(new RegExp(`^Lane ${target.lane} differs from checkpoint`)) }),
    ]);
    expect(verdict.problems[0]!.event).toBeGreaterThanOrEqual(target.id);
  });

  it('a deletion from the middle', async () => {
    const target = await seedEvent(10);
    await checkpoint();
    await tamper('delete from private.audit_events where id = $1', [target.id]);
    const verdict = await verify();
    expect(verdict.intact).toBe(false);
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          new RegExp(`^Lane ${target.lane} now holds \\d+ events, but checkpoint .* signed \\d+: events it covered were removed`),
        ),
      }),
    ]);
  });

  it('a deletion from the end, with the head moved back', async () => {
    await checkpoint();
    const [newest] = await db.query<{ id: string; lane: number }>('select id, lane from private.audit_events order by id desc limit 1');
    await tamper('delete from private.audit_events where id = $1', [newest!.id]);
    const verdict = await verify();
    expect(verdict.intact).toBe(false);
    expect(verdict.problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          new RegExp(`^Lane ${newest!.lane} now holds \\d+ events, but checkpoint .* signed \\d+: events it covered were removed`),
        ),
      }),
    ]);
  });

  it('a forged event appended with a date the checkpoint covers', async () => {
    const victim = await seedEvent(5);
    await checkpoint();
    // A fabricated score change, dated an hour ago, added to the end of the seed's lane.
    await tamper(
      `insert into private.audit_events (id, at, actor, actor_role, action, table_name, row_id, old_values, new_values, details, prev_hash, hash, lane, salt)
      select nextval('private.audit_events_id_seq'), now() - interval '1 hour', e.actor, e.actor_role, 'update', e.table_name, e.row_id,
             e.new_values, jsonb_set(e.new_values, '{score}', '0'), null, '', '', e.lane, extensions.gen_random_bytes(16)
      from private.audit_events e where e.id = $1`,
      [victim.id],
    );
    const [forged] = await db.query<{ id: string }>('select max(id) as id from private.audit_events');
    const verdict = await verify();
    expect(verdict.intact).toBe(false);
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({
        event: Number(forged!.id),
        message: expect.stringMatching(/before checkpoint .* but that checkpoint does not include it: it was added later/),
      }),
    );
  });

  it('a forged event inserted in the middle (later events renumbered)', async () => {
    const after = await seedEvent(10);
    await checkpoint();
    await tamper(`update private.audit_events set id = -id where id > ${after.id};
                  update private.audit_events set id = -id + 1 where id < 0;
                  insert into private.audit_events (id, at, actor, actor_role, action, table_name, row_id, old_values, new_values, details, prev_hash, hash, lane, salt)
                  select e.id + 1, e.at, e.actor, e.actor_role, 'update', e.table_name, e.row_id, e.new_values, jsonb_set(e.new_values, '{score}', '0'),
                         null, '', '', e.lane, extensions.gen_random_bytes(16)
                  from private.audit_events e where e.id = ${after.id}`);
    const verdict = await verify();
    expect(verdict.intact).toBe(false);
    expect(verdict.problems).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(new RegExp(`^Lane ${after.lane} differs from checkpoint`)) }),
    );
  });
});

describe('after the last checkpoint', () => {
  it('a re-linked edit of an event written since is reported as not yet covered, not as intact-and-checked', async () => {
    await checkpoint();
    await writeMore();
    const [newest] = await db.query<{ id: string }>('select max(id) as id from private.audit_events');
    await tamper(`update private.audit_events set details = '{"reason":"forged"}' where id = $1`, [newest!.id]);
    const verdict = await verify();
    expect(verdict).toMatchObject({ intact: true, problems: [] });
    expect(verdict.notYetCovered).toMatchObject({
      events: 3,
      message: expect.stringMatching(/^3 events written after the last checkpoint .* are not yet covered/),
    });
  });
});
