// Sessions as Supabase Auth makes them: a row in auth.sessions, an HS256 access token with
// Supabase's claims, and a rotating refresh token (only its hash is stored).
import { createHash, randomBytes } from 'node:crypto';
import type { Row, Sql } from './database.ts';
import { signJwt } from './jwt.ts';

export const ACCESS_TOKEN_SECONDS = 3600;
/** A refresh token used twice within this window (two tabs racing) is not treated as stolen. */
const REUSE_WINDOW_SECONDS = 10;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface UserRow extends Row {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  is_anonymous: boolean;
  banned_until: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function userJson(u: UserRow) {
  return {
    id: u.id,
    aud: u.aud ?? 'authenticated',
    role: u.role ?? 'authenticated',
    email: u.email ?? '',
    email_confirmed_at: iso(u.email_confirmed_at),
    phone: '',
    confirmed_at: iso(u.email_confirmed_at),
    last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: { provider: 'email', providers: ['email'], ...(u.raw_app_meta_data ?? {}) },
    user_metadata: u.raw_user_meta_data ?? {},
    identities: [],
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    is_anonymous: u.is_anonymous,
  };
}

export const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_anonymous, banned_until`;

export interface NewUser {
  email: string;
  encryptedPassword?: string | null;
  emailConfirmedAt?: string | null;
  userMetadata?: unknown;
  appMetadata?: Record<string, unknown>;
}

/** Inserts a user as Supabase Auth does. The real auth.users has no defaults for these columns,
 * so every one is given: a new id, the audience and role, the email in lower case, the token
 * columns as empty strings (Auth cannot read a NULL one back) and the timestamps. */
export async function insertUser(sql: Sql, user: NewUser): Promise<UserRow> {
  const [row] = await sql.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                             confirmation_token, recovery_token, email_change_token_new, email_change,
                             raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', lower($1), $2, $3,
             '', '', '', '', $4, $5, now(), now())
     returning ${USER_COLUMNS}`,
    [
      user.email,
      user.encryptedPassword ?? null,
      user.emailConfirmedAt ?? null,
      JSON.stringify({ provider: 'email', providers: ['email'], ...(user.appMetadata ?? {}) }),
      JSON.stringify(user.userMetadata ?? {}),
    ],
  );
  return row!;
}

export async function findUserByEmail(sql: Sql, email: string): Promise<UserRow | undefined> {
  const rows = await sql.query<UserRow>(`select ${USER_COLUMNS} from auth.users where lower(email) = lower($1) and deleted_at is null`, [
    email,
  ]);
  return rows[0];
}

export async function findUserById(sql: Sql, id: string): Promise<UserRow | undefined> {
  const rows = await sql.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1 and deleted_at is null`, [id]);
  return rows[0];
}

export interface IssueContext {
  jwtSecret: string;
  issuer: string;
  now: number;
}

function accessToken(user: UserRow, sessionId: string, method: string, ctx: IssueContext) {
  const iat = Math.floor(ctx.now / 1000);
  const json = userJson(user);
  return signJwt(
    {
      iss: ctx.issuer,
      sub: user.id,
      aud: json.aud,
      exp: iat + ACCESS_TOKEN_SECONDS,
      iat,
      email: json.email,
      phone: '',
      app_metadata: json.app_metadata,
      user_metadata: json.user_metadata,
      role: json.role,
      aal: 'aal1',
      amr: [{ method, timestamp: iat }],
      session_id: sessionId,
      is_anonymous: json.is_anonymous,
    },
    ctx.jwtSecret,
  );
}

async function newRefreshToken(sql: Sql, userId: string, sessionId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await sql.query('insert into auth.refresh_tokens (token_hash, user_id, session_id) values ($1, $2, $3)', [
    hashToken(token),
    userId,
    sessionId,
  ]);
  return token;
}

function sessionJson(user: UserRow, access: string, refresh: string, ctx: IssueContext) {
  const iat = Math.floor(ctx.now / 1000);
  return {
    access_token: access,
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    expires_at: iat + ACCESS_TOKEN_SECONDS,
    refresh_token: refresh,
    user: userJson(user),
  };
}

export async function startSession(sql: Sql, user: UserRow, method: 'password' | 'otp', ctx: IssueContext) {
  const [session] = await sql.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [user.id]);
  const [signedIn] = await sql.query<UserRow>(
    `update auth.users set last_sign_in_at = now(), email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
     where id = $1 returning ${USER_COLUMNS}`,
    [user.id],
  );
  const refresh = await newRefreshToken(sql, user.id, session!.id);
  return sessionJson(signedIn!, accessToken(signedIn!, session!.id, method, ctx), refresh, ctx);
}

/** Swaps a refresh token for a new session pair; undefined when the token is unknown or spent
 * (a spent one reused after the short window also ends its session). */
export async function refreshSession(sql: Sql, token: string, ctx: IssueContext) {
  const rows = await sql.query<{ id: string; user_id: string; session_id: string; revoked: boolean; revoked_at: Date | null }>(
    'select id, user_id, session_id, revoked, revoked_at from auth.refresh_tokens where token_hash = $1 for update',
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.revoked) {
    const revokedAgo = row.revoked_at ? ctx.now - new Date(row.revoked_at).getTime() : Infinity;
    if (revokedAgo > REUSE_WINDOW_SECONDS * 1000) {
      // A spent token coming back later may have been stolen: end the whole session, as
      // Supabase Auth's reuse detection does, so neither holder can carry on with it.
      await sql.query('delete from auth.sessions where id = $1', [row.session_id]);
      return undefined;
    }
  }
  const live = await sql.query('select 1 from auth.sessions where id = $1', [row.session_id]);
  const user = await findUserById(sql, row.user_id);
  if (!live.length || !user) return undefined;
  await sql.query('update auth.refresh_tokens set revoked = true, revoked_at = coalesce(revoked_at, now()) where id = $1', [row.id]);
  await sql.query('update auth.sessions set updated_at = now() where id = $1', [row.session_id]);
  const refresh = await newRefreshToken(sql, user.id, row.session_id);
  return sessionJson(user, accessToken(user, row.session_id, 'token_refresh', ctx), refresh, ctx);
}

export async function sessionExists(sql: Sql, sessionId: unknown): Promise<boolean> {
  if (typeof sessionId !== 'string' || !/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  return (await sql.query('select 1 from auth.sessions where id = $1', [sessionId])).length > 0;
}

export async function endSessions(sql: Sql, userId: string, sessionId: string, scope: string) {
  if (scope === 'global') await sql.query('delete from auth.sessions where user_id = $1', [userId]);
  else if (scope === 'others') await sql.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId]);
  else await sql.query('delete from auth.sessions where id = $1', [sessionId]);
}
