// The stand-in's schedule for deleting festival access needs once their keeping time after the
// festival is over (api.festival_retention_run, service role). Production schedules the same call
// with pg_cron (see the README); here a timer runs it at start and then every hour.
import type { Database } from './database.ts';
import { invokeRpc } from './rest.ts';

/** Runs now and then every `everyMs`; `first` settles when the run at start has finished. */
export function startRetention(options: { db: Database; everyMs: number; log: (line: string) => void }): {
  first: Promise<void>;
  stop(): void;
} {
  const run = async () => {
    const outcome = await invokeRpc(
      options.db,
      { role: 'service_role', claims: { role: 'service_role' } },
      { schema: 'api', name: 'festival_retention_run', args: {} },
    );
    if (outcome.status >= 300) options.log(`retention: failed (${outcome.status}): ${JSON.stringify(outcome.body)}`);
    else {
      const deleted = (JSON.parse(String(outcome.body)) as { deleted: number }).deleted;
      if (deleted > 0) options.log(`retention: deleted the access needs of ${deleted} festival bookings`);
    }
  };
  const tick = () => run().catch((error: Error) => options.log(`retention: ${error.message}`));
  const first = tick();
  const timer = setInterval(() => void tick(), options.everyMs);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
