// The plain-English report `npm run pb -- count` prints: the rule, which outcome is used and
// why, the funded projects in order, the spend, and the share per voter.

import { formatAmount, type CountResult, type PbMeta } from '../src/lib/pb/index.ts';

function describeRule(result: CountResult): string {
  if (result.rule === 'greedy') return 'Greedy (most votes first, skipping projects that no longer fit)';
  // When greedy's outcome was kept, the completion belongs to the Equal Shares count set aside.
  const c = result.completion ?? result.comparison?.discardedEqualShares?.completion;
  const compared = result.comparison ? ', compared with greedy' : '';
  if (!c || c.method === 'none') return `Method of Equal Shares, without completion${compared}`;
  const stop = c.exhaustiveStop ? 'with' : 'without';
  const fill = c.method === 'add1u' ? ', then filled greedily by votes' : '';
  return `Method of Equal Shares, completed by add-one (${stop} the exhaustive stop)${fill}${compared}`;
}

const voters = (n: number) => `${n} ${n === 1 ? 'voter' : 'voters'}`;

/** Which outcome is used and why, in a sentence or two; empty without the comparison step. */
function describeComparison(result: CountResult, money: (x: number) => string): string[] {
  const cmp = result.comparison;
  if (!cmp) return [];
  const list = (ids: readonly string[]) => (ids.length ? ids.join(', ') : 'nothing');
  if (cmp.chosen === 'greedy') {
    const share = cmp.discardedEqualShares ? ` with a share of ${money(cmp.discardedEqualShares.sharePerVoter.value)} per voter` : '';
    return [
      `More voters preferred the greedy outcome (${voters(cmp.prefersGreedy)} against ${cmp.prefersEqualShares}), so it is used: the projects below are greedy's choice.`,
      `Equal Shares would have funded ${list(cmp.equalSharesWinners)}${share}.`,
    ];
  }
  const why =
    cmp.prefersEqualShares === cmp.prefersGreedy
      ? `as many voters preferred each outcome (${cmp.prefersGreedy} each), so the Equal Shares outcome, the method chosen, is kept`
      : `more voters preferred the Equal Shares outcome (${voters(cmp.prefersEqualShares)} against ${cmp.prefersGreedy}), so it is kept`;
  return [`Compared with greedy, which would have funded ${list(cmp.greedyWinners)}: ${why}.`];
}

/** Effective votes to two decimal places, without trailing zeros. */
function effective(x: number | undefined): string {
  return x === undefined ? '?' : String(Math.round(x * 100) / 100);
}

function describeShare(result: CountResult, money: (x: number) => string): string {
  if (result.outcome === 'greedy') return `Budget per voter: ${money(result.sharePerVoter.value)} (exactly ${result.sharePerVoter.exact}).`;
  const c = result.completion;
  const start = `${money(result.initialSharePerVoter.value)} (exactly ${result.initialSharePerVoter.exact})`;
  if (c && c.method !== 'none' && c.addOneSteps > 0) {
    return `Share per voter: started at ${start}, raised ${c.addOneSteps} times by ${money(c.step)} to ${money(result.sharePerVoter.value)} (exactly ${result.sharePerVoter.exact}).`;
  }
  return `Share per voter: ${start}.`;
}

export function report(meta: PbMeta, result: CountResult): string {
  const money = (x: number) => formatAmount(x, result.currency);
  const out: string[] = [];
  out.push(`${meta.description} (${meta.unit}, ${meta.instance})`);
  out.push(`Rule: ${describeRule(result)}`);
  out.push(`Voters: ${result.voters} · Projects: ${result.projects.length} · Budget: ${money(result.budget)}`);
  out.push(...describeComparison(result, money), '');
  const funded = result.projects.filter((p) => p.status === 'funded').sort((a, b) => (a.round ?? 0) - (b.round ?? 0));
  out.push(funded.length ? 'Funded projects, in the order they were chosen:' : 'No project was funded.');
  for (const p of funded) {
    const how =
      p.fundedBy === 'greedy-fill'
        ? 'added by the greedy fill'
        : p.fundedBy === 'free'
          ? 'costs nothing'
          : p.payment
            ? `paid by ${p.payment.supportersWhoPaid} of its supporters, at most ${money(p.payment.maxPayment)} each (${effective(p.payment.effectiveVotes)} effective votes)`
            : 'chosen by greedy';
    out.push(`  ${p.round}. ${p.projectId}${p.name ? ` – ${p.name}` : ''}: ${money(p.cost)}, ${p.votes} votes; ${how}`);
  }
  out.push('', `Spent: ${money(result.spent.value)} · Left over: ${money(result.leftOver.value)}`);
  out.push(describeShare(result, money));
  const notFunded = result.projects.filter((p) => p.status === 'not-funded');
  if (notFunded.length)
    out.push(
      '',
      'Not funded:',
      ...notFunded.map((p) => `  ${p.projectId}${p.name ? ` – ${p.name}` : ''}: ${money(p.cost)}, ${p.votes} votes`),
    );
  const excluded = result.projects.filter((p) => p.status === 'excluded');
  if (excluded.length) out.push('', 'Left out by the minimum-support rule:', ...excluded.map((p) => `  ${p.projectId}: ${p.reason}`));
  out.push(
    '',
    `Ties are broken by lowest cost, then most votes, then this random order (seed ${result.seed}): ${result.tieOrder.join(', ')}`,
  );
  return out.join('\n');
}
