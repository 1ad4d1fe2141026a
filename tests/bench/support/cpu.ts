// Where the CPU of a run goes: this Node process (the bench's client, the driver, the stand-in's
// code) against the PostgreSQL backends serving it. Reads /proc, so it works only when the server
// runs on this machine; otherwise it says so. On a shared machine this tells whether the bench
// or the database is the bottleneck better than throughput alone.
import { readFileSync } from 'node:fs';
import type { Database } from '../../../supabase/local/database.ts';

const TICKS = 100; // USER_HZ on Linux

function ticksOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

async function backends(db: Database): Promise<number[]> {
  const rows = await db.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
  );
  return rows.map((r) => Number(r.pid));
}

export interface CpuSplit {
  nodeSeconds: number;
  dbSeconds: number | undefined;
}

/** Call before a run; the function it returns, after it, gives the CPU seconds each side used. */
export async function startCpuProbe(db: Database): Promise<() => Promise<CpuSplit>> {
  const node0 = process.cpuUsage();
  const before = new Map((await backends(db)).map((pid) => [pid, ticksOf(pid)]));
  return async () => {
    const node = process.cpuUsage(node0);
    let ticks = 0;
    let seen = false;
    for (const pid of await backends(db)) {
      const now = ticksOf(pid);
      if (now === undefined) continue;
      seen = true;
      ticks += now - (before.get(pid) ?? 0);
    }
    return { nodeSeconds: (node.user + node.system) / 1e6, dbSeconds: seen ? ticks / TICKS : undefined };
  };
}

export function describeCpu(split: CpuSplit, done: number): string {
  const per = (s: number) => `${((s / done) * 1000).toFixed(2)} ms`;
  const db =
    split.dbSeconds === undefined
      ? 'database: not on this machine'
      : `database ${split.dbSeconds.toFixed(1)} s (${per(split.dbSeconds)} each)`;
  return `CPU: bench process ${split.nodeSeconds.toFixed(1)} s (${per(split.nodeSeconds)} each), ${db}`;
}
