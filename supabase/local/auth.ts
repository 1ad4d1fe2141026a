// /auth/v1: the parts of Supabase Auth that supabase-js calls in this app. Replies use Auth's
// 2024-01-01 error shape ({code, error_code, msg}) so supabase-js raises the same AuthApiError.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from './database.ts';
import { BodyTooLarge, bearerToken, MAX_JSON_DEPTH, parseJson, readBody, sendJson } from './http.ts';
import { verifyJwt } from './jwt.ts';
import type { Mailbox } from './mailbox.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
  endSessions,
  findUserByEmail,
  findUserById,
  insertUser,
  refreshSession,
  sessionExists,
  startSession,
  userJson,
  type UserRow,
} from './sessions.ts';
import type { SignInThrottle } from './throttle.ts';

export interface AuthContext {
  db: Database;
  jwtSecret: string;
  issuer: string;
  mailbox: Mailbox;
  throttle: SignInThrottle;
  /** Failed sign-ins per client address, so trying many emails from one place is slowed too. */
  addressThrottle: SignInThrottle;
  now: () => number;
}

class AuthError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// auth.users.email holds 255 characters; the standard limit for an address is 254.
const MAX_EMAIL_LENGTH = 254;
// scrypt would take any length, but bcrypt (Supabase's own hashes) reads only the first 72 bytes.
const MAX_PASSWORD_LENGTH = 72;
// Postgres text cannot hold a NUL character, so one would fail in the database instead of here.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole job.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const VERSION_HEADER = { 'X-Supabase-Api-Version': '2024-01-01' };

export async function handleAuth(req: IncomingMessage, res: ServerResponse, url: URL, ctx: AuthContext) {
  try {
    const reply = await route(req, url, ctx);
    sendJson(res, reply.status, reply.body, VERSION_HEADER);
  } catch (error) {
    const e = error instanceof AuthError ? error : asAuthError(error);
    if (e.status >= 500) console.error('auth error:', error);
    sendJson(res, e.status, { code: e.code, error_code: e.code, msg: e.message }, VERSION_HEADER);
  }
}

/** A value the database cannot hold (SQLSTATE class 22, e.g. a NUL in metadata) is the caller's
 * mistake, not the server's: it gets a 400 and, since its transaction rolled back, changes nothing. */
function asAuthError(error: unknown): AuthError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('22')) {
    return new AuthError(
      400,
      'validation_failed',
      'Part of the request could not be stored. Check the email address and any details sent with it.',
    );
  }
  return new AuthError(500, 'unexpected_failure', 'Sign-in is not working right now. Please try again in a minute.');
}

async function route(req: IncomingMessage, url: URL, ctx: AuthContext): Promise<{ status: number; body?: unknown }> {
  const path = url.pathname.replace(/^\/auth\/v1/, '').replace(/\/$/, '');
  const method = req.method ?? 'GET';
  const apikey = req.headers.apikey;
  if (path === '/health') return { status: 200, body: { name: 'GoTrue (Working Together stand-in)', description: 'Local Supabase Auth' } };
  if (typeof apikey !== 'string' || !verifyJwt(apikey, ctx.jwtSecret).ok)
    throw new AuthError(401, 'no_authorization', 'A valid API key is required.');

  if (method === 'GET' && path === '/settings') {
    return { status: 200, body: { external: { email: true }, disable_signup: false, mailer_autoconfirm: false } };
  }
  if (method === 'POST' && path === '/token') {
    const grant = url.searchParams.get('grant_type');
    const body = await jsonBody(req);
    if (grant === 'password') return signInWithPassword(body, req.socket.remoteAddress ?? 'unknown', ctx);
    if (grant === 'refresh_token') return refresh(body, ctx);
    throw new AuthError(400, 'validation_failed', 'Unsupported grant_type: use password or refresh_token.');
  }
  if (method === 'POST' && path === '/otp') return sendOtp(await jsonBody(req), ctx);
  if (method === 'POST' && path === '/verify') return verifyOtp(await jsonBody(req), ctx);
  if (method === 'GET' && path === '/user') return { status: 200, body: userJson((await currentUser(req, ctx)).user) };
  if (method === 'POST' && path === '/logout') {
    const { user, sessionId } = await currentUser(req, ctx);
    await ctx.db.transaction((tx) => endSessions(tx, user.id, sessionId, url.searchParams.get('scope') ?? 'global'));
    return { status: 204 };
  }
  if (method === 'POST' && path === '/admin/users') return adminCreateUser(req, await jsonBody(req), ctx);
  throw new AuthError(404, 'not_found', `No such Auth endpoint: ${method} ${url.pathname}`);
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new AuthError(413, 'request_too_large', 'The request is too large.');
    throw error;
  }
  const parsed = parseJson(text || '{}');
  if (!parsed.ok && parsed.tooDeep)
    throw new AuthError(400, 'bad_json', `The request is nested too deeply: at most ${MAX_JSON_DEPTH} levels.`);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
    throw new AuthError(400, 'bad_json', 'The request body must be a JSON object.');
  }
  return parsed.value as Record<string, unknown>;
}

function emailFrom(body: Record<string, unknown>): string {
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  if (email.length > MAX_EMAIL_LENGTH || CONTROL_CHARACTER.test(email) || !EMAIL.test(email))
    throw new AuthError(400, 'validation_failed', 'Enter an email address in the right format, like name@example.com.');
  return email;
}

function passwordFrom(body: Record<string, unknown>): string {
  const password = typeof body.password === 'string' ? body.password : '';
  if (password.includes('\u0000') || Buffer.byteLength(password) > MAX_PASSWORD_LENGTH) {
    throw new AuthError(
      400,
      'validation_failed',
      `A password can be up to ${MAX_PASSWORD_LENGTH} characters long and cannot contain a null character.`,
    );
  }
  return password;
}

const issue = (ctx: AuthContext) => ({ jwtSecret: ctx.jwtSecret, issuer: ctx.issuer, now: ctx.now() });

// Compared against when the email has no account, so an unknown email takes as long to refuse
// as a wrong password and the timing does not tell who has an account.
let unknownHash: Promise<string> | undefined;
const unknownUserHash = () => (unknownHash ??= hashPassword(randomUUID()));

async function signInWithPassword(body: Record<string, unknown>, address: string, ctx: AuthContext) {
  const email = emailFrom(body);
  const password = passwordFrom(body);
  // Counted as failed before the slow check, so attempts sent all at once cannot all slip past
  // the limit while the first ones are still being checked; a success takes it back.
  const wait = await ctx.db.transaction(async (tx) => {
    const w = Math.max(await ctx.throttle.waitFor(tx, email), await ctx.addressThrottle.waitFor(tx, address));
    if (w === 0) {
      await ctx.throttle.fail(tx, email);
      await ctx.addressThrottle.fail(tx, address);
    }
    return w;
  });
  if (wait > 0) {
    throw new AuthError(
      429,
      'over_request_rate_limit',
      `Too many failed sign-in attempts. Wait ${Math.ceil(wait / 1000)} seconds, then try again.`,
    );
  }
  // Checked outside the transaction: hashing is slow on purpose and must not hold the database.
  const user = await findUserByEmail(ctx.db, email);
  const matches = await verifyPassword(password, user ? user.encrypted_password : await unknownUserHash(), ctx.db);
  if (!user || !matches) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
  return {
    status: 200,
    body: await ctx.db.transaction(async (tx) => {
      await ctx.throttle.succeed(tx, email);
      await ctx.addressThrottle.forgiveOne(tx, address);
      return startSession(tx, user, 'password', issue(ctx));
    }),
  };
}

async function refresh(body: Record<string, unknown>, ctx: AuthContext) {
  const token = typeof body.refresh_token === 'string' ? body.refresh_token : '';
  const session = token ? await ctx.db.transaction((tx) => refreshSession(tx, token, issue(ctx))) : undefined;
  if (!session) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  return { status: 200, body: session };
}

async function sendOtp(body: Record<string, unknown>, ctx: AuthContext) {
  const email = emailFrom(body);
  const createUser = body.create_user !== false;
  const wait = ctx.mailbox.resendWait(email);
  if (wait > 0) {
    throw new AuthError(
      429,
      'over_email_send_rate_limit',
      `For security purposes, you can only request this after ${Math.ceil(wait / 1000)} seconds.`,
    );
  }
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user && !createUser) throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp');
    if (!user) {
      const meta = typeof body.data === 'object' && body.data ? body.data : {};
      await insertUser(tx, { email, userMetadata: meta });
    }
  });
  ctx.mailbox.sendCode(email);
  return { status: 200, body: {} };
}

async function verifyOtp(body: Record<string, unknown>, ctx: AuthContext) {
  const email = emailFrom(body);
  const token = typeof body.token === 'string' ? body.token : '';
  if (!['email', 'magiclink', 'signup'].includes(String(body.type ?? 'email'))) {
    throw new AuthError(400, 'validation_failed', 'Only email codes can be checked here.');
  }
  if (!ctx.mailbox.checkCode(email, token)) throw new AuthError(403, 'otp_expired', 'Token has expired or is invalid');
  return ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) throw new AuthError(403, 'otp_expired', 'Token has expired or is invalid');
    return { status: 200, body: await startSession(tx, user, 'otp', issue(ctx)) };
  });
}

async function currentUser(req: IncomingMessage, ctx: AuthContext): Promise<{ user: UserRow; sessionId: string }> {
  const token = bearerToken(req);
  const verified = token ? verifyJwt(token, ctx.jwtSecret, ctx.now()) : undefined;
  if (!verified?.ok || typeof verified.claims.sub !== 'string') {
    throw new AuthError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, token is expired or invalid');
  }
  const { sub, session_id: sessionId } = verified.claims;
  return ctx.db.transaction(async (tx) => {
    if (!(await sessionExists(tx, sessionId)))
      throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    const user = await findUserById(tx, sub);
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return { user, sessionId: sessionId as string };
  });
}

async function adminCreateUser(req: IncomingMessage, body: Record<string, unknown>, ctx: AuthContext) {
  const token = bearerToken(req);
  const verified = token ? verifyJwt(token, ctx.jwtSecret, ctx.now()) : undefined;
  if (!verified?.ok || verified.claims.role !== 'service_role') {
    throw new AuthError(403, 'not_admin', 'User not allowed: this needs the service role key.');
  }
  const email = emailFrom(body);
  const password = body.password === undefined ? undefined : passwordFrom(body);
  if (password !== undefined && password.length < 6) throw new AuthError(422, 'weak_password', 'Password should be at least 6 characters.');
  return ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email))
      throw new AuthError(422, 'email_exists', 'A user with this email address has already been registered');
    const user = await insertUser(tx, {
      email,
      encryptedPassword: password === undefined ? null : await hashPassword(password),
      emailConfirmedAt: body.email_confirm === true ? new Date(ctx.now()).toISOString() : null,
      userMetadata: body.user_metadata ?? {},
      appMetadata: typeof body.app_metadata === 'object' && body.app_metadata ? (body.app_metadata as Record<string, unknown>) : {},
    });
    return { status: 200, body: userJson(user) };
  });
}
