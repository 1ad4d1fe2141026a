// Database tests act as each kind of caller through the stand-in's own call path (role switch,
// JWT claims, PostgREST error mapping), without HTTP in between.
import type { Database } from '../../supabase/local/database.ts';
import { openDatabase } from '../../supabase/local/database.ts';
import { invokeRpc } from '../../supabase/local/rest.ts';
import { insertUser } from '../../supabase/local/sessions.ts';
import type { ApiRole } from '../../supabase/local/request-role.ts';
import { loadSnapshot } from './snapshot.ts';

/** A copy of the seeded database for one test file: PGlite from the snapshot, or, when
 * TEST_SUPABASE_DATABASE_URL names a database shaped like a Supabase project (filled by the
 * Supabase CLI in .ci/run), a new database made from it as a template, dropped on close. */
export async function openTestDatabase(): Promise<Database> {
  const template = process.env.TEST_SUPABASE_DATABASE_URL;
  return template ? openCopyOf(template) : openDatabase({ snapshot: await loadSnapshot() });
}

let copies = 0;

async function openCopyOf(templateUrl: string): Promise<Database> {
  const template = new URL(templateUrl);
  const name = `wt_copy_${process.pid}_${Date.now()}_${copies++}`;
  const adminUrl = new URL(template);
  adminUrl.pathname = '/postgres';
  const admin = await openDatabase({ databaseUrl: adminUrl.toString() });
  await admin.exec(`create database ${name} template ${template.pathname.slice(1)}`);
  const copyUrl = new URL(template);
  copyUrl.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: copyUrl.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      await dropWhenIdle((sql) => admin.exec(sql), name);
      await admin.close();
    },
  };
}

/** Drops a test database once its connections have gone: a closed pool's take a moment, and
 * forcing them (with (force)) fails them loudly, as unhandled 57P01 errors in the test process.
 * Forces only after 5 seconds. */
export async function dropWhenIdle(exec: (sql: string) => Promise<unknown>, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await exec(`drop database if exists ${name}${attempt >= 50 ? ' with (force)' : ''}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface Actor {
  role: ApiRole;
  /** auth.users id for signed-in callers. */
  sub?: string;
  email?: string;
  /** The token's session_id. Left out, callAs uses a live session of the user's (made once). */
  sessionId?: string;
}

export const anonymous: Actor = { role: 'anon' };
export const signedIn = (sub: string, email?: string): Actor => ({ role: 'authenticated', sub, email });
export const serviceRole: Actor = { role: 'service_role' };

export type CallResult =
  | { ok: true; status: number; data: unknown }
  | { ok: false; status: number; code: string; message: string; details: string | null; hint: string | null };

/** Calls api.<name>(args) as the actor, exactly as /rest/v1/rpc/<name> would. */
export async function callAs(
  db: Database,
  actor: Actor,
  name: string,
  args: Record<string, unknown> = {},
  schema = 'api',
): Promise<CallResult> {
  const sessionId = actor.sub && actor.role === 'authenticated' ? (actor.sessionId ?? (await liveSession(db, actor.sub))) : undefined;
  const claims = {
    role: actor.role,
    sub: actor.sub,
    email: actor.email,
    session_id: sessionId,
    aud: actor.role === 'authenticated' ? 'authenticated' : undefined,
  };
  const outcome = await invokeRpc(db, { role: actor.role, claims }, { schema, name, args });
  if (typeof outcome.body === 'object' && outcome.body !== null) {
    return { ok: false, status: outcome.status, ...outcome.body };
  }
  return { ok: true, status: outcome.status, data: outcome.body === undefined ? null : JSON.parse(outcome.body) };
}

const liveSessions = new WeakMap<Database, Map<string, string>>();

/** A session of the user's in auth.users, as signing in makes: made on first use, then reused. */
export async function liveSession(db: Database, userId: string): Promise<string> {
  const known = liveSessions.get(db) ?? new Map<string, string>();
  liveSessions.set(db, known);
  const cached = known.get(userId);
  if (cached && (await db.query('select 1 from auth.sessions where id = $1', [cached])).length > 0) return cached;
  const [row] = await db.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [userId]);
  known.set(userId, row!.id);
  return row!.id;
}

/** Creates a user in auth.users (as Supabase Auth would) and returns its id. */
export async function createUser(db: Database, email: string): Promise<string> {
  return (await insertUser(db, { email, emailConfirmedAt: new Date().toISOString() })).id;
}

/** A new person (an auth user, and so a private.people row) as a signed-in caller. `officer` and
 * `scrutiny` set the flags an administrator sets on private.people (no api function grants them). */
export async function newPerson(
  db: Database,
  email: string,
  roles: { officer?: boolean; scrutiny?: boolean } = {},
): Promise<Actor & { sub: string }> {
  const id = await createUser(db, email);
  if (roles.officer || roles.scrutiny) {
    await db.query('update private.people set is_officer = is_officer or $2, is_scrutiny = is_scrutiny or $3 where id = $1', [
      id,
      !!roles.officer,
      !!roles.scrutiny,
    ]);
  }
  return { ...signedIn(id, email), sub: id };
}
