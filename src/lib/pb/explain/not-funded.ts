// Why a project was not funded, from what the result holds. Under Equal Shares a project is
// funded only when its supporters can pay for it together from their shares; so when one is
// not, its supporters had less left between them than it cost (when the count ended, which is
// how the rule stops). The result says each voter's share; with the ballots and each voter's
// payments we can also say exactly what its supporters had left and what they paid for.

import { cmp, fromNumber, mul, rat, ratInt, type Rational } from '../rational.ts';
import type { CountResult, Profile, ProjectOutcome } from '../types.ts';
import type { NotFundedReason } from './types.ts';
import { count, listInWords, money, type Namer } from './words.ts';

function exact(text: string): Rational {
  const [n, d] = text.split('/');
  return rat(BigInt(n ?? '0'), BigInt(d ?? '1'));
}

/** Voter ids of each project's supporters, from the ballots. */
function supportersOf(ballots: Profile): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const addTo = (project: string, voter: string) => {
    const set = out.get(project) ?? new Set<string>();
    set.add(voter);
    out.set(project, set);
  };
  if (ballots.kind === 'approval') for (const b of ballots.ballots) for (const p of b.approved) addTo(p, b.voterId);
  else for (const b of ballots.ballots) for (const e of b.points) if (e.points > 0) addTo(e.projectId, b.voterId);
  return out;
}

type Context = {
  readonly result: CountResult;
  readonly name: Namer;
  readonly m: (x: number) => string;
  readonly supporters?: Map<string, Set<string>>;
};

function equalSharesWords(p: ProjectOutcome, ctx: Context): string[] {
  const { result, m } = ctx;
  const share = result.sharePerVoter;
  const most = mul(ratInt(p.votes), exact(share.exact));
  const out: string[] = [];
  if (cmp(most, fromNumber(p.cost)) < 0) {
    out.push(
      p.votes === 1
        ? `Its only supporter had a share of ${m(share.value)}.`
        : `Each of its ${count(p.votes, 'supporter')} had a share of ${m(share.value)}. Even together, and spending on nothing else, they had only ${m(p.votes * share.value)}.`,
      `That is not enough for its ${m(p.cost)} cost.`,
    );
  } else {
    const who = p.votes === 1 ? 'Its only supporter' : `Its ${count(p.votes, 'supporter')}`;
    const between = p.votes === 1 ? '' : ' between them';
    const theirs = ctx.supporters?.get(p.projectId);
    const details = result.voterDetails;
    const paidFor = result.winners.filter((id) => {
      const w = result.projects.find((x) => x.projectId === id);
      return w?.fundedBy === 'equal-shares' && theirs && [...(ctx.supporters?.get(id) ?? [])].some((v) => theirs.has(v));
    });
    if (theirs && details && paidFor.length > 0) {
      const left = details.filter((v) => theirs.has(v.voterId)).reduce((sum, v) => sum + v.left, 0);
      out.push(
        `${who} started with ${m(p.votes * share.value)}${between}. That would have been enough.`,
        `But they had also voted for ${listInWords(paidFor.map(ctx.name))}, and helped pay for ${paidFor.length === 1 ? 'it' : 'them'}.`,
        `After that they had ${m(left)} left${between}, not enough for its ${m(p.cost)} cost.`,
      );
    } else {
      out.push(
        `${who} started with ${m(p.votes * share.value)}${between}. That would have been enough.`,
        'But they had also voted for projects that were funded, and helped pay for those.',
        `What they had left${between} was not enough for its ${m(p.cost)} cost.`,
      );
    }
  }
  if (result.completion?.method === 'add1u') out.push(`It also cost more than the ${m(result.leftOver.value)} left at the end.`);
  else if (p.cost <= result.leftOver.value) {
    // Without the greedy fill, money can be left that would cover it: say why it stays unspent.
    out.push(
      `${m(result.leftOver.value)} of the budget is left, but Equal Shares only spends a voter's share on projects that voter chose.`,
    );
  }
  return out;
}

function greedyWords(p: ProjectOutcome, ctx: Context): string[] {
  const { result, m } = ctx;
  const ahead = result.projects.filter((x) => x.status === 'funded' && x.support > p.support);
  const leftAtTurn = result.budget - ahead.reduce((sum, x) => sum + x.cost, 0);
  const tied = result.projects.some((x) => x.status === 'funded' && x.support === p.support);
  if (!tied && leftAtTurn < p.cost) {
    return [
      'Projects were taken in order of votes, most first.',
      `When its turn came, ${m(leftAtTurn)} was left, not enough for its ${m(p.cost)} cost.`,
    ];
  }
  return [
    'Projects were taken in order of votes, most first.',
    `By its turn, not enough was left: it cost ${m(p.cost)}, and ${m(result.leftOver.value)} was left at the end.`,
  ];
}

export function explainNotFunded(result: CountResult, name: Namer, ballots?: Profile): NotFundedReason[] {
  const ctx: Context = { result, name, m: (x) => money(x, result.currency), ...(ballots ? { supporters: supportersOf(ballots) } : {}) };
  const funded = result.projects.filter((p) => p.status === 'funded');
  const fewestFunded = funded.length > 0 ? Math.min(...funded.map((p) => p.votes)) : Infinity;
  return result.projects
    .filter((p) => p.status !== 'funded')
    .sort((a, b) => b.votes - a.votes)
    .map((p) => {
      const sentences =
        p.status === 'excluded'
          ? [p.reason ?? 'It could not be counted.']
          : p.votes === 0
            ? ['Nobody voted for it.']
            : result.outcome === 'greedy'
              ? greedyWords(p, ctx)
              : equalSharesWords(p, ctx);
      return { projectId: p.projectId, name: name(p.projectId), votes: p.votes, cost: p.cost, popular: p.votes > fewestFunded, sentences };
    });
}
