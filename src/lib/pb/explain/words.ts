// Small pieces of plain English shared by the explanations: money, counts and lists.

import { formatAmount } from '../format.ts';
import type { CountResult, ProjectOutcome } from '../types.ts';

/** Money as residents read it; fractions of a penny are rounded to the penny. */
export function money(value: number, currency: string): string {
  return formatAmount(Math.round(value * 100) / 100, currency);
}

/** "1 voter", "412 voters". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A number of effective votes: whole numbers as they are, others to one decimal place with "about". */
export function roughly(x: number): string {
  const one = Math.round(x * 10) / 10;
  return Number.isInteger(one) && Math.abs(x - one) < 1e-9 ? one.toLocaleString('en-GB') : `about ${one.toLocaleString('en-GB')}`;
}

export type Namer = (projectId: string) => string;

export function namer(result: CountResult, names: Readonly<Record<string, string>> = {}): Namer {
  const inResult = new Map(result.projects.map((p) => [p.projectId, p.name]));
  return (id) => names[id] ?? inResult.get(id) ?? id;
}

/** Points ballots give a project more support than it has voters; approval ballots never do. */
export function isPoints(result: CountResult): boolean {
  return result.projects.some((p: ProjectOutcome) => p.support !== p.votes);
}
