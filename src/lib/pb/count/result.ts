// Builds the result residents and officers read: which projects won and in what order, what
// was spent and left over, each voter's share, and for Equal Shares what each winning project
// cost its supporters.

import type { Amount, ComparisonReport, CompletionReport, CountResult, Payment, ProjectOutcome, Rule, VoterDetail } from '../types.ts';
import { sub, toFractionString, toNumber, type Rational } from '../rational.ts';
import { totalCost } from './greedy.ts';
import type { MesRun } from './mes-run.ts';
import type { Prepared } from './prepare.ts';

export type FundedBy = NonNullable<ProjectOutcome['fundedBy']>;

export type ResultParts = {
  readonly prep: Prepared;
  readonly rule: Rule;
  readonly outcome: Rule;
  readonly currency: string;
  readonly seed: number;
  /** Eligible project indices in funding order, with how each was funded. */
  readonly funded: ReadonlyArray<{ readonly c: number; readonly by: FundedBy; readonly payment?: Payment }>;
  readonly share: Rational;
  readonly initialShare: Rational;
  readonly completion?: CompletionReport;
  readonly comparison?: ComparisonReport;
  /** The Equal Shares count at the final share, for each voter's payments. */
  readonly run?: MesRun;
};

export function amount(q: Rational): Amount {
  return { value: toNumber(q), exact: toFractionString(q) };
}

function voterDetails(prep: Prepared, run: MesRun, share: Rational): VoterDetail[] {
  const start = toNumber(share);
  const out: VoterDetail[] = [];
  prep.groupVoters?.forEach((ids, g) => {
    const left = run.left[g] ?? start;
    for (const voterId of ids) out.push({ voterId, paid: start - left, left });
  });
  return out;
}

export function buildResult(parts: ResultParts): CountResult {
  const { prep } = parts;
  const spent = totalCost(
    prep,
    parts.funded.map((f) => f.c),
  );
  const indexOf = new Map(prep.eligible.map((e, c) => [e.projectId, c]));
  const round = new Map(parts.funded.map((f, i) => [f.c, { ...f, round: i + 1 }]));
  const projects: ProjectOutcome[] = prep.projects.map((p) => {
    const tally = prep.tally.get(p.id);
    const base = {
      projectId: p.id,
      ...(p.name !== undefined ? { name: p.name } : {}),
      cost: p.cost,
      votes: tally?.votes ?? 0,
      support: tally ? toNumber(tally.support) : 0,
    };
    const reason = prep.excluded.get(p.id);
    if (reason !== undefined) return { ...base, status: 'excluded', reason };
    const c = indexOf.get(p.id);
    const f = c === undefined ? undefined : round.get(c);
    if (!f) return { ...base, status: 'not-funded' };
    return { ...base, status: 'funded', round: f.round, fundedBy: f.by, ...(f.payment ? { payment: f.payment } : {}) };
  });
  const winners = parts.funded.map((f) => prep.eligible[f.c]?.projectId ?? '');
  return {
    rule: parts.rule,
    outcome: parts.outcome,
    currency: parts.currency,
    voters: prep.voterCount,
    budget: toNumber(prep.budget),
    winners,
    spent: amount(spent),
    leftOver: amount(sub(prep.budget, spent)),
    sharePerVoter: amount(parts.share),
    initialSharePerVoter: amount(parts.initialShare),
    projects,
    seed: parts.seed,
    tieOrder: prep.tieOrder,
    ...(parts.completion ? { completion: parts.completion } : {}),
    ...(parts.comparison ? { comparison: parts.comparison } : {}),
    ...(prep.groupVoters && parts.run ? { voterDetails: voterDetails(prep, parts.run, parts.share) } : {}),
  };
}
