// For each funded project, how it was paid for: by its supporters' shares under Equal Shares
// (how many supporters, how many paid, the most anyone paid, its effective votes), or from
// money left over, or simply by its place in the order of votes.

import type { CountResult, ProjectOutcome } from '../types.ts';
import type { ProjectPayment } from './types.ts';
import { count, isPoints, money, roughly, type Namer } from './words.ts';

function equalSharesWords(p: ProjectOutcome, currency: string, points: boolean): string[] {
  const pay = p.payment;
  if (!pay) return [];
  const m = (x: number) => money(x, currency);
  const out = [`It cost ${m(p.cost)}. ${count(pay.supporters, 'person', 'people')} voted for it.`];
  const unpaid = pay.supporters - pay.supportersWhoPaid;
  out.push(
    unpaid === 0
      ? `All of them paid towards it from their shares.`
      : `${pay.supportersWhoPaid.toLocaleString('en-GB')} of them paid towards it. The other ${unpaid.toLocaleString('en-GB')} had nothing left to pay with.`,
  );
  out.push(`The most any one person paid was ${m(pay.maxPayment)}.`);
  if (pay.effectiveVotes !== undefined && !points) {
    out.push(
      `That is as if ${roughly(pay.effectiveVotes)} people had each paid ${m(pay.maxPayment)}: its "effective votes".`,
      'When it was chosen, no other project that could still be paid for had more.',
    );
  } else if (pay.effectiveVotes !== undefined) {
    out.push(
      `Its "effective points" were ${roughly(pay.effectiveVotes)}: when it was chosen, no other project that could still be paid for had more.`,
    );
  }
  return out;
}

function otherWords(p: ProjectOutcome, currency: string): string[] {
  const m = (x: number) => money(x, currency);
  switch (p.fundedBy) {
    case 'free':
      return ['It cost nothing, so it was funded first.'];
    case 'greedy-fill':
      return [
        `It cost ${m(p.cost)} and had ${count(p.votes, 'vote')}.`,
        'It was paid for from money left over after Equal Shares: it had the most votes of the projects that still fitted.',
      ];
    default:
      return [
        `It cost ${m(p.cost)} and had ${count(p.votes, 'vote')}.`,
        'In order of votes, most first, it still fitted in what was left of the budget.',
      ];
  }
}

export function explainPayments(result: CountResult, name: Namer): ProjectPayment[] {
  const points = isPoints(result);
  const byId = new Map(result.projects.map((p) => [p.projectId, p]));
  return result.winners.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    const sentences = p.fundedBy === 'equal-shares' ? equalSharesWords(p, result.currency, points) : otherWords(p, result.currency);
    return [{ projectId: id, name: name(id), sentences }];
  });
}
