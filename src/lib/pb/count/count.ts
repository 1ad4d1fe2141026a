// The entry points the voting screens and the command line call: greedy, Equal Shares with its
// completions and comparison step, and `count`, which picks one from the options.

import type {
  ComparisonReport,
  Completion,
  CompletionReport,
  CountOptions,
  CountResult,
  Instance,
  Payment,
  Profile,
  Rule,
} from '../types.ts';
import { addOne, countAtShare, freeProjects, startingShare, type AddOneResult } from './add-one.ts';
import { comparePreferences } from './compare.ts';
import { greedyFill, greedyWinners, totalCost } from './greedy.ts';
import { prepare, type Prepared } from './prepare.ts';
import { amount, buildResult, type FundedBy } from './result.ts';
import { electionProblems, optionProblems, PbCountError } from './validate.ts';

function checked(instance: Instance, profile: Profile, options: CountOptions, groupIdentical: boolean): Prepared {
  const problems = [...optionProblems(options), ...electionProblems(instance, profile)];
  if (problems.length > 0) throw new PbCountError(problems);
  return prepare(instance, profile, options, groupIdentical);
}

/** The parts of a result every count shares: the election, the rule asked for, the seed. */
function resultBase(prep: Prepared, instance: Instance, rule: Rule, options: CountOptions) {
  return { prep, rule, currency: instance.currency, seed: options.seed ?? 1 };
}

/** A greedy outcome: funded by votes, and the "share" is simply the budget divided by the voters. */
function greedyParts(prep: Prepared) {
  const share = startingShare(prep);
  return {
    outcome: 'greedy' as const,
    funded: greedyWinners(prep).added.map((c) => ({ c, by: 'greedy' as const })),
    share,
    initialShare: share,
  };
}

export function countGreedy(instance: Instance, profile: Profile, options: CountOptions = {}): CountResult {
  const prep = checked(instance, profile, options, true);
  return buildResult({ ...resultBase(prep, instance, 'greedy', options), ...greedyParts(prep) });
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

type Funded = Array<{ c: number; by: FundedBy; payment?: Payment }>;

/** Free projects first, then Equal Shares' winners with their payments, then the greedy fill. */
function equalSharesFunded(prep: Prepared, mes: AddOneResult, completion: Completion): { funded: Funded; fill: number[] } {
  const funded: Funded = freeProjects(prep).map((c) => ({
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
  const fill = completion === 'add1u' ? greedyFill(prep, new Set(funded.map((f) => f.c)), totalCost(prep, mes.run.winners)).added : [];
  for (const c of fill) funded.push({ c, by: 'greedy-fill' });
  return { funded, fill };
}

/**
 * Equal Shares. `groupIdentical` is for tests only: false counts every ballot on its own, to
 * check that grouping identical ballots never changes anything.
 */
export function countEqualShares(instance: Instance, profile: Profile, options: CountOptions = {}, groupIdentical = true): CountResult {
  const prep = checked(instance, profile, options, groupIdentical);
  const completion = options.completion ?? 'add1u';
  const mes = runEqualShares(prep, options);
  const { funded, fill } = equalSharesFunded(prep, mes, completion);
  const completionReport: CompletionReport = {
    method: completion,
    exhaustiveStop: completion === 'none' ? false : (options.exhaustiveStop ?? true),
    step: options.addOneStep ?? 1,
    addOneSteps: Number(mes.steps),
    counts: mes.stats.counts,
    exactCounts: mes.stats.exactCounts,
    greedyFillAdded: fill.map((c) => prep.eligible[c]?.projectId ?? ''),
  };
  const base = resultBase(prep, instance, 'equal-shares', options);
  const equalShares = {
    ...base,
    outcome: 'equal-shares' as const,
    funded,
    share: mes.share,
    initialShare: startingShare(prep),
    completion: completionReport,
    run: mes.run,
  };
  if (!options.compareWithGreedy) return buildResult(equalShares);

  const greedy = greedyParts(prep);
  const es = funded.map((f) => f.c);
  const pref = comparePreferences(
    prep,
    es,
    greedy.funded.map((f) => f.c),
  );
  // Strictly more: Equal Shares is the method chosen, so a tie keeps it.
  const useGreedy = pref.prefersGreedy > pref.prefersEqualShares;
  const ids = (list: readonly number[]) => list.map((c) => prep.eligible[c]?.projectId ?? '');
  const comparison: ComparisonReport = {
    ...pref,
    chosen: useGreedy ? 'greedy' : 'equal-shares',
    greedyWinners: ids(greedy.funded.map((f) => f.c)),
    equalSharesWinners: ids(es),
  };
  if (!useGreedy) return buildResult({ ...equalShares, comparison });
  // Greedy's outcome is used, so the result describes greedy's count; the Equal Shares figures
  // (its share and completion) are kept only as the discarded alternative.
  return buildResult({
    ...base,
    ...greedy,
    comparison: { ...comparison, discardedEqualShares: { sharePerVoter: amount(mes.share), completion: completionReport } },
  });
}

/** Counts with the rule named in the options (Equal Shares unless told otherwise). */
export function count(instance: Instance, profile: Profile, options: CountOptions = {}): CountResult {
  return (options.rule ?? 'equal-shares') === 'greedy'
    ? countGreedy(instance, profile, options)
    : countEqualShares(instance, profile, options);
}
