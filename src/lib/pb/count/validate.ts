// Checks an instance, a profile and the counting options before anything is counted, and
// explains each problem in plain English. Counting refuses to start while any remain.

import type { CountOptions, Instance, Profile } from '../types.ts';

export class PbCountError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join(' '));
    this.name = 'PbCountError';
    this.problems = problems;
  }
}

function isAmount(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0;
}

export function electionProblems(instance: Instance, profile: Profile): string[] {
  const problems: string[] = [];
  if (!isAmount(instance.budget)) problems.push(`The budget must be a number of at least 0, not ${String(instance.budget)}.`);
  const ids = new Set<string>();
  for (const p of instance.projects) {
    if (ids.has(p.id)) problems.push(`Project '${p.id}' is listed twice.`);
    ids.add(p.id);
    if (!isAmount(p.cost)) problems.push(`Project '${p.id}' must cost a number of at least 0, not ${String(p.cost)}.`);
  }
  const voters = new Set<string>();
  for (const ballot of profile.ballots) {
    if (voters.has(ballot.voterId)) problems.push(`Voter '${ballot.voterId}' has more than one ballot.`);
    voters.add(ballot.voterId);
    const seen = new Set<string>();
    const listed =
      profile.kind === 'approval'
        ? (ballot as { approved: readonly string[] }).approved
        : (ballot as { points: ReadonlyArray<{ projectId: string }> }).points.map((e) => e.projectId);
    for (const id of listed) {
      if (!ids.has(id)) problems.push(`Voter '${ballot.voterId}' voted for project '${id}', which is not on the ballot.`);
      if (seen.has(id)) problems.push(`Voter '${ballot.voterId}' chose project '${id}' more than once.`);
      seen.add(id);
    }
    if (profile.kind === 'points') {
      for (const e of (ballot as { points: ReadonlyArray<{ projectId: string; points: number }> }).points) {
        if (!isAmount(e.points)) {
          problems.push(`Voter '${ballot.voterId}' gave project '${e.projectId}' ${String(e.points)} points; points must be 0 or more.`);
        }
      }
    }
    if (problems.length > 50) break;
  }
  return problems;
}

export function optionProblems(options: CountOptions): string[] {
  const problems: string[] = [];
  const { rule, completion, addOneStep, seed, minVotes, minShareK } = options;
  if (rule !== undefined && rule !== 'equal-shares' && rule !== 'greedy') {
    problems.push(`The rule must be 'equal-shares' or 'greedy', not '${String(rule)}'.`);
  }
  if (completion !== undefined && !['none', 'add1', 'add1u'].includes(completion)) {
    problems.push(`The completion must be 'none', 'add1' or 'add1u', not '${String(completion)}'.`);
  }
  if (addOneStep !== undefined && !(isAmount(addOneStep) && addOneStep > 0)) {
    problems.push(`The add-one step must be a number above 0, not ${String(addOneStep)}.`);
  }
  if (seed !== undefined && !Number.isInteger(seed)) problems.push(`The seed must be a whole number, not ${String(seed)}.`);
  if (minVotes !== undefined && !(Number.isInteger(minVotes) && minVotes >= 0)) {
    problems.push(`The minimum number of votes must be a whole number of at least 0, not ${String(minVotes)}.`);
  }
  if (minShareK !== undefined && !(isAmount(minShareK) && minShareK > 0)) {
    problems.push(`The minimum-share factor k must be a number above 0, not ${String(minShareK)}.`);
  }
  return problems;
}
