// The funded projects in the order they were chosen, and the money left.

import type { CountResult } from '../types.ts';
import type { FundedProject, FundedSummary } from './types.ts';
import { count, money, type Namer } from './words.ts';

export function explainFunded(result: CountResult, name: Namer): FundedSummary {
  const byId = new Map(result.projects.map((p) => [p.projectId, p]));
  const projects: FundedProject[] = result.winners.flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    return [{ projectId: id, name: name(id), cost: p.cost, votes: p.votes, fundedBy: p.fundedBy ?? result.outcome }];
  });
  const m = (x: number) => money(x, result.currency);
  const sentences =
    projects.length === 0
      ? [`No project was funded. The whole budget of ${m(result.budget)} is left.`]
      : [
          `${count(projects.length, 'project')} ${projects.length === 1 ? 'was' : 'were'} funded, costing ${m(result.spent.value)} of the ${m(result.budget)} budget.`,
          result.leftOver.value > 0 ? `${m(result.leftOver.value)} is left over.` : 'The whole budget was spent.',
        ];
  return { projects, spent: result.spent.value, leftOver: result.leftOver.value, sentences };
}
