// `npm start`: start the local Supabase stand-in, build the site against it, serve the built
// site, and print where everything is. Ctrl-C stops both. With PUBLIC_SUPABASE_URL and
// PUBLIC_SUPABASE_ANON_KEY set (environment or .env), no stand-in runs: the site uses that project.
// `--no-build` serves an existing dist/ (the browser tests build once, then start this).
import type { Server } from 'node:http';
import { demoAccounts } from '../supabase/demo-accounts.ts';
import { startStandIn, type StandIn } from '../supabase/local/server.ts';
import { loadDotEnv, usesRealSupabase } from './load-env.ts';
import { run } from './run.ts';
import { serveStatic } from './serve-static.ts';
import { describeStartFailure, settings, siteOrigins } from './settings.ts';

loadDotEnv();
const skipBuild = process.argv.includes('--no-build');
const started = Date.now();

let standIn: StandIn | undefined;
let site: Server | undefined;
let build: ReturnType<typeof run> | undefined;
let stopping = false;

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  if (build && build.child.exitCode === null) {
    build.child.kill('SIGTERM');
    await build.done;
  }
  site?.closeAllConnections();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  await standIn?.close();
  console.log('Stopped. Your data is kept in', settings.dataDir);
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  const env = { ...process.env };
  if (!usesRealSupabase()) {
    standIn = await startStandIn({
      dataDir: settings.dataDir,
      keysDir: settings.keysDir,
      databaseUrl: settings.databaseUrl,
      supabaseDir: 'supabase',
      port: settings.apiPort,
      host: settings.host,
      allowedOrigins: siteOrigins(settings.sitePort),
      // The outbox goes to the mailbox every few seconds (and whenever the mailbox page loads).
      notificationsEveryMs: 5_000,
      retentionEveryMs: 3_600_000,
    });
    env.PUBLIC_SUPABASE_URL = standIn.url;
    env.PUBLIC_SUPABASE_ANON_KEY = standIn.keys.anonKey;
  }
  if (!skipBuild) {
    console.log('Building the site…');
    build = run('npm', ['run', 'build', '--silent'], env);
    const code = await build.done;
    if (stopping) await new Promise(() => undefined); // stop() is already exiting
    if (code !== 0) {
      console.error('The site did not build. The messages above say which file is wrong.');
      await stop(code);
    }
  }
  site = await serveStatic('dist', settings.sitePort, settings.host);
  const siteUrl = `http://localhost:${settings.sitePort}`;
  console.log(`
Working Together is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).

  Site:          ${siteUrl}
  Supabase API:  ${env.PUBLIC_SUPABASE_URL}${standIn ? ' (local stand-in)' : ''}`);
  if (standIn) {
    console.log(`  Mailbox:       ${standIn.url}/mailbox  (sign-in codes and notifications appear here)
  Audit checkpoints: ${standIn.url}/audit/checkpoints  (signed with the key in ${settings.keysDir})
  Data folder:   ${settings.databaseUrl ? settings.databaseUrl.replace(/:[^:@/]*@/, ':***@') : settings.dataDir}

Demo accounts (password for all: ${demoAccounts[0]?.password}):
${demoAccounts.map((a) => `  ${a.email.padEnd(34)} ${a.who}`).join('\n')}`);
  }
  console.log('\nPress Ctrl-C to stop.');
} catch (error) {
  console.error(describeStartFailure(error));
  await stop(1);
}
