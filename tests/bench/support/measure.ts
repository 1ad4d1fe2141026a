// Helpers shared by the benchmarks: a stand-in in a child process, latency percentiles, and a
// closed-loop load runner (each client sends its next request when the last one answers).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildStandIn {
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `onDisk`: persist the database in a temporary folder, as `npm start` does with .data/. */
export async function spawnStandIn(options: { onDisk?: boolean } = {}): Promise<ChildStandIn> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'tests/bench/support/stand-in-process.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_ON_DISK: options.onDisk ? '1' : '' },
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; anonKey: string; serviceRoleKey: string };
  return {
    ...info,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export interface LoadResult {
  /** Requests timed: the figures below are over these, and only these. */
  requests: number;
  errors: number;
  /** Turns a client sat out (its call answered 'idle'); not requests, so not timed. */
  idle: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

/**
 * Runs `clients` loops of `call` for `seconds`; each call returns true on success, false on an
 * error, or 'idle' when the client had nothing to send (a wait, not a request: it is not timed).
 */
export async function runLoad(clients: number, seconds: number, call: (client: number) => Promise<boolean | 'idle'>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let idle = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const ok = await call(client).catch(() => false);
        if (ok === 'idle') {
          idle += 1;
          continue;
        }
        // Only answers that succeeded are timed: a quick refusal would flatter the figures.
        if (ok) latencies.push(performance.now() - t0);
        else errors += 1;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    idle,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / elapsed,
  };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
