// Benchmark: Equal Shares with add-one completion (exhaustive stop on, then greedy fill) on
// generated approval elections of 1,000 / 10,000 / 100,000 voters × 50 / 100 projects, each
// voter approving 1–10 projects. Target: 100,000 × 100 in under 2 seconds.
// Run: npm run bench:pb        (no assertions; prints a table)

import { countEqualShares } from '../../src/lib/pb/index.ts';
import type { ApprovalBallot, Instance, Profile } from '../../src/lib/pb/index.ts';
import { mulberry32 } from '../../src/lib/pb/prng.ts';

type Election = { instance: Instance; profile: Profile };

/** Seeded, so every run counts the same elections. Some projects are far more popular than others. */
function generate(voters: number, projects: number, seed: number): Election {
  const random = mulberry32(seed);
  const costs = Array.from({ length: projects }, () => 1000 * (5 + Math.floor(random() * 96)));
  const popularity = Array.from({ length: projects }, () => 0.2 + random() ** 2);
  const totalPopularity = popularity.reduce((a, b) => a + b, 0);
  const ballots: ApprovalBallot[] = [];
  for (let v = 0; v < voters; v++) {
    const size = 1 + Math.floor(random() * 10);
    const chosen = new Set<number>();
    while (chosen.size < size) {
      let x = random() * totalPopularity;
      let p = 0;
      while (p < projects - 1 && x >= (popularity[p] as number)) x -= popularity[p++] as number;
      chosen.add(p);
    }
    ballots.push({ voterId: `v${v}`, approved: [...chosen].map((p) => `p${p}`) });
  }
  const totalCost = costs.reduce((a, b) => a + b, 0);
  return {
    instance: { projects: costs.map((cost, p) => ({ id: `p${p}`, cost })), budget: Math.round(totalCost * 0.3), currency: 'GBP' },
    profile: { kind: 'approval', ballots },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const configs = [
  [1_000, 50],
  [1_000, 100],
  [10_000, 50],
  [10_000, 100],
  [100_000, 50],
  [100_000, 100],
] as const;

console.log('Equal Shares + add-one completion (exhaustive stop, then greedy fill), approval ballots of 1–10 projects');
console.log('voters  | projects | median ms | runs | winners | add-one steps | counts | exact counts | share start → end');
console.log('--------|----------|-----------|------|---------|---------------|--------|--------------|------------------');
for (const [voters, projects] of configs) {
  const { instance, profile } = generate(voters, projects, voters + projects);
  const runs = voters >= 100_000 ? 3 : 5;
  const times: number[] = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = countEqualShares(instance, profile, { completion: 'add1u' });
    times.push(performance.now() - start);
  }
  if (!last) continue;
  const c = last.completion;
  console.log(
    `${String(voters).padStart(7)} | ${String(projects).padStart(8)} | ${median(times).toFixed(0).padStart(9)} | ${String(runs).padStart(4)} | ` +
      `${String(last.winners.length).padStart(7)} | ${String(c?.addOneSteps).padStart(13)} | ${String(c?.counts).padStart(6)} | ` +
      `${String(c?.exactCounts).padStart(12)} | ${last.initialSharePerVoter.value.toFixed(2)} → ${last.sharePerVoter.value.toFixed(2)}`,
  );
}
