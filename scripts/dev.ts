// `npm run dev`: the stand-in plus Astro's dev server (hot reload) pointed at it.
import { startStandIn } from '../supabase/local/server.ts';
import { loadDotEnv, usesRealSupabase } from './load-env.ts';
import { run } from './run.ts';
import { describeStartFailure, settings, siteOrigins } from './settings.ts';

loadDotEnv();
const env = { ...process.env };
const standIn = usesRealSupabase()
  ? undefined
  : await startStandIn({
      dataDir: settings.dataDir,
      databaseUrl: settings.databaseUrl,
      supabaseDir: 'supabase',
      port: settings.apiPort,
      host: settings.host,
      allowedOrigins: siteOrigins(settings.sitePort),
      notificationsEveryMs: 5_000,
      retentionEveryMs: 3_600_000,
    }).catch((error: unknown) => {
      console.error(describeStartFailure(error));
      process.exit(1);
    });
if (standIn) {
  env.PUBLIC_SUPABASE_URL = standIn.url;
  env.PUBLIC_SUPABASE_ANON_KEY = standIn.keys.anonKey;
  console.log(`Supabase stand-in: ${standIn.url}  (mailbox: ${standIn.url}/mailbox)`);
}
const astro = run('astro', ['dev', '--port', String(settings.sitePort)], env);
const stop = async () => {
  astro.child.kill('SIGINT');
  await astro.done;
  await standIn?.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
await astro.done;
await standIn?.close();
