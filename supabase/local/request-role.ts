// Who is calling: the gateway's apikey check, then PostgREST's reading of the bearer JWT.
// A request with no user token runs as `anon`, as on Supabase.
import type { IncomingMessage } from 'node:http';
import { postgrestError, type ErrorReply } from './errors.ts';
import { bearerToken } from './http.ts';
import { verifyJwt, type Claims } from './jwt.ts';

export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export type Caller = { ok: true; role: ApiRole; claims: Claims } | { ok: false; error: ErrorReply };

export function identifyCaller(req: IncomingMessage, jwtSecret: string, now = Date.now()): Caller {
  const apikey = req.headers.apikey;
  if (typeof apikey !== 'string' || !apikey) {
    return {
      ok: false,
      error: postgrestError(401, 'PGRST301', 'No API key found in request', null, 'No `apikey` request header or url param was found.'),
    };
  }
  const key = verifyJwt(apikey, jwtSecret, now);
  if (!key.ok)
    return { ok: false, error: postgrestError(401, 'PGRST301', 'Invalid API key', null, 'Double check the project URL and API key.') };
  const token = bearerToken(req) ?? apikey;
  const verified = verifyJwt(token, jwtSecret, now);
  if (!verified.ok) {
    return verified.reason === 'expired'
      ? { ok: false, error: postgrestError(401, 'PGRST303', 'JWT expired') }
      : {
          ok: false,
          error: postgrestError(
            401,
            'PGRST301',
            verified.reason === 'bad-signature'
              ? 'JWSError JWSInvalidSignature'
              : 'JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)',
          ),
        };
  }
  const role = verified.claims.role ?? 'anon';
  if (!API_ROLES.includes(role as ApiRole)) {
    return { ok: false, error: postgrestError(401, 'PGRST301', `The role "${String(role)}" is not allowed.`) };
  }
  return { ok: true, role: role as ApiRole, claims: verified.claims };
}
