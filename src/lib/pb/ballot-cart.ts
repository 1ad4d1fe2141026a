// The ballot as a shopping cart: what the chosen projects cost together, the money left, and
// whether a project can be added or the ballot sent. The same rules private.pb_check_ballot
// enforces in the database (which stays the judge, under a row lock); the screen checks first
// so a resident hears why at once. Each refusal carries the database's key for the same rule,
// so the words come from src/lib/refusals/ and a refusal from either side reads the same.

import { formatPounds } from '../money.ts';

export type CartProject = { readonly id: string; readonly title: string; readonly cost: number };

export type CartRules = {
  readonly budget: number;
  readonly minProjects: number;
  readonly maxProjects: number | null;
};

/** The keys of private.pb_check_ballot that a cart can break (see src/lib/refusals/shared.ts). */
export type CartRefusalKey = 'over_budget' | 'too_many_projects' | 'too_few_projects' | 'repeated_project' | 'not_on_shortlist';

export type CartCheck = { readonly ok: true } | { readonly ok: false; readonly key: CartRefusalKey; readonly message: string };

const projectsWord = (n: number) => `${n} ${n === 1 ? 'project' : 'projects'}`;

/** The chosen projects, in the order of the list, skipping ids no longer on it. */
export function chosenProjects(chosen: readonly string[], projects: readonly CartProject[]): CartProject[] {
  const wanted = new Set(chosen);
  return projects.filter((p) => wanted.has(p.id));
}

export function cartTotal(chosen: readonly string[], projects: readonly CartProject[]): number {
  return chosenProjects(chosen, projects).reduce((sum, p) => sum + p.cost, 0);
}

export function moneyLeft(chosen: readonly string[], projects: readonly CartProject[], rules: CartRules): number {
  return rules.budget - cartTotal(chosen, projects);
}

/** May this project go in the cart now? If not, why, in words naming the sums. */
export function canAdd(chosen: readonly string[], project: CartProject, projects: readonly CartProject[], rules: CartRules): CartCheck {
  if (chosen.includes(project.id)) return { ok: false, key: 'repeated_project', message: `${project.title} is already in your vote.` };
  if (!projects.some((p) => p.id === project.id))
    return { ok: false, key: 'not_on_shortlist', message: `${project.title} is not on the list you can vote for.` };
  const count = chosenProjects(chosen, projects).length;
  if (rules.maxProjects !== null && count >= rules.maxProjects) {
    return {
      ok: false,
      key: 'too_many_projects',
      message: `You can choose at most ${projectsWord(rules.maxProjects)}. Remove one before you add ${project.title}.`,
    };
  }
  const left = moneyLeft(chosen, projects, rules);
  if (project.cost > left) {
    const over = project.cost - left;
    return {
      ok: false,
      key: 'over_budget',
      message: `${project.title} costs ${formatPounds(project.cost)}, but you have ${formatPounds(left)} left: it would take your vote ${formatPounds(over)} over the budget of ${formatPounds(rules.budget)}. Remove a project to make room, or choose a cheaper one.`,
    };
  }
  return { ok: true };
}

/** May the cart be sent as it is? The same order of checks as the database. */
export function canSend(chosen: readonly string[], projects: readonly CartProject[], rules: CartRules): CartCheck {
  if (new Set(chosen).size !== chosen.length)
    return { ok: false, key: 'repeated_project', message: 'Each project can be chosen only once.' };
  const unknown = chosen.find((id) => !projects.some((p) => p.id === id));
  if (unknown)
    return {
      ok: false,
      key: 'not_on_shortlist',
      message: 'One of your choices is no longer on the list you can vote for. Remove it and check your vote again.',
    };
  const count = chosen.length;
  if (count < rules.minProjects) {
    return { ok: false, key: 'too_few_projects', message: `Choose at least ${projectsWord(rules.minProjects)} before you send your vote.` };
  }
  if (rules.maxProjects !== null && count > rules.maxProjects) {
    return {
      ok: false,
      key: 'too_many_projects',
      message: `You can choose at most ${projectsWord(rules.maxProjects)}. Remove ${projectsWord(count - rules.maxProjects)}.`,
    };
  }
  const total = cartTotal(chosen, projects);
  if (total > rules.budget) {
    return {
      ok: false,
      key: 'over_budget',
      message: `Your projects cost ${formatPounds(total)} together, more than the budget of ${formatPounds(rules.budget)}. Remove a project to make room.`,
    };
  }
  return { ok: true };
}

/** One line for the running total, as it is shown and read out. */
export function cartSummary(chosen: readonly string[], projects: readonly CartProject[], rules: CartRules): string {
  const count = chosenProjects(chosen, projects).length;
  return `${projectsWord(count)} chosen, costing ${formatPounds(cartTotal(chosen, projects))}. ${formatPounds(moneyLeft(chosen, projects, rules))} left of ${formatPounds(rules.budget)}.`;
}

/** What the limits on the number of projects are, in a sentence (empty when there are none). */
export function limitsSentence(rules: CartRules): string {
  const { minProjects: min, maxProjects: max } = rules;
  if (max !== null && min === max) return `Choose exactly ${projectsWord(max)}.`;
  if (max !== null && min > 0) return `Choose between ${min} and ${projectsWord(max)}.`;
  if (max !== null) return `Choose up to ${projectsWord(max)}.`;
  if (min > 1) return `Choose at least ${projectsWord(min)}.`;
  return '';
}

/** Two lists hold the same projects, in any order. */
export function sameChoice(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
