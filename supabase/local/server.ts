// The embedded stand-in for the Supabase API: one HTTP server answering /auth/v1, /rest/v1 and
// /functions/v1 on top of PGlite (or DATABASE_URL), after bringing the database up to date.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative, resolve } from 'node:path';
import { handleAuth } from './auth.ts';
import { startCheckpoints, serveCheckpoints } from './checkpoints.ts';
import { startRetention } from './retention.ts';
import { openDatabase, type Database } from './database.ts';
import { readProjectConfig } from './config.ts';
import { handleFunctions } from './functions.ts';
import { applyCors, isLoopback, requestUrl, sendJson, sendText } from './http.ts';
import { keysFromSecret, loadOrCreateKeys, type ApiKeys } from './keys.ts';
import { Mailbox, renderMailbox } from './mailbox.ts';
import { migrate, type MigrateResult } from './migrate.ts';
import { mailboxProviderEnv, receiveMail, startNotifications, type Notifications } from './notifications.ts';
import { handleRest } from './rest.ts';
import { SignInThrottle } from './throttle.ts';

export interface StandInOptions {
  /** Where PGlite's files and the JWT secret live; omit for an in-memory database. */
  dataDir?: string;
  /** A PGlite dump to start from (tests), skipping initialisation. */
  snapshot?: Blob;
  databaseUrl?: string;
  /** The supabase/ folder holding migrations and seed.sql. */
  supabaseDir: string;
  port?: number;
  host?: string;
  /** Browser origins allowed to call the API (the site). */
  allowedOrigins?: string[];
  /** Fixed secret (tests); otherwise loaded from or created in dataDir. */
  jwtSecret?: string;
  exposedSchemas?: string[];
  seed?: boolean;
  now?: () => number;
  log?: (line: string) => void;
  otpResendAfterMs?: number;
  /** Where the audit signing key and the published checkpoints live (never inside dataDir); omit for none. */
  keysDir?: string;
  /** How often to sign an audit checkpoint (default every 10 minutes). */
  checkpointEveryMs?: number;
  /** The site's address, put in front of the links in notifications (default: the first allowed origin). */
  siteUrl?: string;
  /** How often the sender delivers the outbox to the mailbox; omit to deliver only on demand. */
  notificationsEveryMs?: number;
  /** How often to delete festival access needs whose keeping time is over; omit for never. */
  retentionEveryMs?: number;
}

export interface StandIn {
  url: string;
  keys: ApiKeys;
  db: Database;
  mailbox: Mailbox;
  /** The outbox's sender: deliver() runs it now. */
  notifications: Notifications;
  migration: MigrateResult;
  close(): Promise<void>;
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const log = options.log ?? ((line: string) => console.log(`[supabase] ${line}`));
  if (options.keysDir && options.dataDir && !relative(resolve(options.dataDir), resolve(options.keysDir)).startsWith('..')) {
    throw new Error(
      `KEYS_DIR (${options.keysDir}) must not be inside the data folder (${options.dataDir}): a copy of the data must not carry the audit signing key.`,
    );
  }
  const now = options.now ?? Date.now;
  const keys = options.jwtSecret
    ? keysFromSecret(options.jwtSecret)
    : options.dataDir
      ? await loadOrCreateKeys(options.dataDir)
      : keysFromSecret(crypto.randomUUID() + crypto.randomUUID());
  const db = await openDatabase({
    dataDir: options.dataDir ? `${options.dataDir}/pglite` : undefined,
    snapshot: options.snapshot,
    databaseUrl: options.databaseUrl,
  });
  const kept = options.databaseUrl
    ? { where: 'at DATABASE_URL', afresh: 'drop that database and create it again, empty,' }
    : {
        where: `in ${options.dataDir ?? 'memory'}`,
        afresh: `delete ${options.dataDir ?? 'it'} (your changes to the demo data go with it)`,
      };
  const migration = await migrate(db, { supabaseDir: options.supabaseDir, seed: options.seed, log, kept });
  const mailbox = new Mailbox({ now, log, resendAfterMs: options.otpResendAfterMs });
  const throttle = new SignInThrottle({ scope: 'email', now });
  const addressThrottle = new SignInThrottle({ scope: 'address', now, freeAttempts: 30 });
  const allowedOrigins = options.allowedOrigins ?? ['http://localhost:4321', 'http://127.0.0.1:4321'];
  const project = await readProjectConfig(options.supabaseDir);
  const exposedSchemas = options.exposedSchemas ?? project.exposedSchemas;

  let baseUrl = '';
  // Assigned once the sender exists, after the request handler that reads it is made.
  // eslint-disable-next-line prefer-const
  let notifications: Notifications | undefined;
  const server: Server = createServer(async (req, res) => {
    try {
      if (applyCors(req, res, allowedOrigins)) return;
      const url = requestUrl(req.url);
      if (!url) {
        sendJson(res, 400, {
          code: 'PGRST000',
          message: 'The address of this request is not valid: it must be a path starting with a single "/".',
          details: null,
          hint: null,
        });
        return;
      }
      if (url.pathname.startsWith('/auth/v1/')) {
        await handleAuth(req, res, url, {
          db,
          jwtSecret: keys.jwtSecret,
          issuer: `${baseUrl}/auth/v1`,
          mailbox,
          throttle,
          addressThrottle,
          now,
        });
      } else if (url.pathname.startsWith('/rest/v1')) {
        await handleRest(req, res, url, { db, jwtSecret: keys.jwtSecret, exposedSchemas, maxRows: project.maxRows, log });
      } else if (url.pathname.startsWith('/functions/v1/')) {
        await handleFunctions(req, res, url, {
          supabaseDir: options.supabaseDir,
          baseUrl,
          keys,
          now,
          env: { ...process.env, ...notifications?.env },
        });
      } else if (url.pathname.startsWith('/audit/checkpoints') && options.keysDir) {
        await serveCheckpoints(res, url, options.keysDir);
      } else if (url.pathname.startsWith('/mailbox') && !isLoopback(req.socket.remoteAddress)) {
        // Sign-in codes are for whoever sits at this computer, even when HOST opens the API wider.
        sendJson(res, 403, {
          code: 'PGRST000',
          message: 'The local mailbox can only be read on the computer running the stand-in.',
          details: null,
          hint: null,
        });
      } else if (url.pathname === '/mailbox/send' && notifications) {
        await receiveMail(req, res, mailbox, notifications.env.EMAIL_API_KEY!);
      } else if (url.pathname === '/mailbox') {
        // Reloading the page delivers what is waiting, so nobody waits for the timer.
        await notifications?.deliver().catch((error: Error) => log(`notifications: ${error.message}`));
        sendText(res, 200, 'text/html; charset=utf-8', renderMailbox(mailbox.messages));
      } else if (url.pathname === '/mailbox.json') {
        sendJson(res, 200, mailbox.messages);
      } else if (url.pathname === '/') {
        sendJson(res, 200, {
          name: 'Working Together: local Supabase stand-in',
          auth: '/auth/v1',
          rest: '/rest/v1/rpc/<function>',
          mailbox: '/mailbox',
        });
      } else {
        sendJson(res, 404, { code: 'PGRST000', message: `Nothing here: ${url.pathname}`, details: null, hint: null });
      }
    } catch (error) {
      log(`unexpected error: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, { code: 'PGRST000', message: 'The server could not complete this request.', details: null, hint: null });
      else res.end();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 54321, options.host ?? '127.0.0.1', () => resolve());
  });
  const checkpoints = options.keysDir
    ? await startCheckpoints({ db, keysDir: options.keysDir, everyMs: options.checkpointEveryMs, log })
    : undefined;
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host === '0.0.0.0' ? 'localhost' : address.address === '127.0.0.1' ? 'localhost' : address.address}:${address.port}`;
  const sender = startNotifications({
    supabaseDir: options.supabaseDir,
    baseUrl,
    keys,
    log,
    everyMs: options.notificationsEveryMs,
    env: mailboxProviderEnv(baseUrl, options.siteUrl ?? allowedOrigins[0] ?? 'http://localhost:4321'),
  });
  notifications = sender;
  const retention = options.retentionEveryMs ? startRetention({ db, everyMs: options.retentionEveryMs, log }) : undefined;

  return {
    url: baseUrl,
    keys,
    db,
    mailbox,
    notifications: sender,
    migration,
    async close() {
      checkpoints?.stop();
      retention?.stop();
      await sender.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
