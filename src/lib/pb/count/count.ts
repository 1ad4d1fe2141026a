// The entry points the voting screens and the command line call: greedy, Equal Shares with its
// completions and comparison step, and `count`, which picks one from the options.

import type { CountOptions, CountResult, Instance, Payment, Profile } from '../types.ts';
import { addOne, countAtShare, freeProjects, startingShare, type AddOneResult } from './add-one.ts';
import { comparePreferences } from './compare.ts';
import { greedyFill, greedyWinners, totalCost } from './greedy.ts';
import { prepare, type Prepared } from './prepare.ts';
import { buildResult, type FundedBy } from './result.ts';
import { electionProblems, optionProblems, PbCountError } from './validate.ts';

function checked(instance: Instance, profile: Profile, options: CountOptions, groupIdentical: boolean): Prepared {
  const problems = [...optionProblems(options), ...electionProblems(instance, profile)];
  if (problems.length > 0) throw new PbCountError(problems);
  return prepare(instance, profile, options, groupIdentical);
}

export function countGreedy(instance: Instance, profile: Profile, options: CountOptions = {}): CountResult {
  const prep = checked(instance, profile, options, true);
  const share = startingShare(prep);
  return buildResult({
    prep,
    rule: 'greedy',
    currency: instance.currency,
    seed: options.seed ?? 1,
    funded: greedyWinners(prep).added.map((c) => ({ c, by: 'greedy' as const })),
    share,
    initialShare: share,
  });
}

function runEqualShares(prep: Prepared, options: CountOptions): AddOneResult {
  const completion = options.completion ?? 'add1u';
  if (completion !== 'none') {
    return addOne(prep, { exhaustiveStop: options.exhaustiveStop ?? true, step: options.addOneStep ?? 1 });
  }
  const stats = { counts: 0, exactCounts: 0 };
  const share = startingShare(prep);
  return { run: countAtShare(prep, share, stats).run, steps: 0n, share, stats };
}

/**
 * Equal Shares. `groupIdentical` is for tests only: false counts every ballot on its own, to
 * check that grouping identical ballots never changes anything.
 */
export function countEqualShares(instance: Instance, profile: Profile, options: CountOptions = {}, groupIdentical = true): CountResult {
  const prep = checked(instance, profile, options, groupIdentical);
  const completion = options.completion ?? 'add1u';
  const mes = runEqualShares(prep, options);
  const free = freeProjects(prep);
  const funded: Array<{ c: number; by: FundedBy; payment?: Payment }> = free.map((c) => ({
    c,
    by: 'free',
    payment: { totalPaid: 0, supporters: prep.eligible[c]?.votes ?? 0, supportersWhoPaid: 0, maxPayment: 0 },
  }));
  mes.run.winners.forEach((c, i) => {
    const pay = mes.run.payments[i];
    const project = prep.eligible[c];
    funded.push({
      c,
      by: 'equal-shares',
      payment: {
        totalPaid: project ? project.costFloat : 0,
        supporters: project?.votes ?? 0,
        supportersWhoPaid: pay?.supportersWhoPaid ?? 0,
        maxPayment: pay?.maxPayment ?? 0,
        effectiveVotes: project && pay ? project.costFloat / pay.rho : 0,
      },
    });
  });
  const fill = completion === 'add1u'
    ? greedyFill(prep, new Set(funded.map((f) => f.c)), totalCost(prep, mes.run.winners)).added
    : [];
  for (const c of fill) funded.push({ c, by: 'greedy-fill' });

  let chosen = funded;
  let comparison;
  if (options.compareWithGreedy) {
    const greedy = greedyWinners(prep).added;
    const es = funded.map((f) => f.c);
    const pref = comparePreferences(prep, es, greedy);
    const useGreedy = pref.prefersGreedy > pref.prefersEqualShares;
    const ids = (list: readonly number[]) => list.map((c) => prep.eligible[c]?.projectId ?? '');
    comparison = { ...pref, chosen: useGreedy ? ('greedy' as const) : ('equal-shares' as const), greedyWinners: ids(greedy), equalSharesWinners: ids(es) };
    if (useGreedy) chosen = greedy.map((c) => ({ c, by: 'greedy' as const }));
  }
  return buildResult({
    prep,
    rule: 'equal-shares',
    currency: instance.currency,
    seed: options.seed ?? 1,
    funded: chosen,
    share: mes.share,
    initialShare: startingShare(prep),
    completion: {
      method: completion,
      exhaustiveStop: completion === 'none' ? false : (options.exhaustiveStop ?? true),
      step: options.addOneStep ?? 1,
      addOneSteps: Number(mes.steps),
      counts: mes.stats.counts,
      exactCounts: mes.stats.exactCounts,
      greedyFillAdded: fill.map((c) => prep.eligible[c]?.projectId ?? ''),
    },
    ...(comparison ? { comparison } : {}),
    run: mes.run,
  });
}

/** Counts with the rule named in the options (Equal Shares unless told otherwise). */
export function count(instance: Instance, profile: Profile, options: CountOptions = {}): CountResult {
  return (options.rule ?? 'equal-shares') === 'greedy'
    ? countGreedy(instance, profile, options)
    : countEqualShares(instance, profile, options);
}
