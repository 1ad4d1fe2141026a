import { describe, expect, it } from 'vitest';
import {
  canAdd,
  canSend,
  cartSummary,
  cartTotal,
  chosenProjects,
  limitsSentence,
  moneyLeft,
  sameChoice,
  type CartRules,
} from '../../../../src/lib/pb/ballot-cart.ts';
import { WORDS } from '../../../../src/lib/refusals/shared.ts';

const projects = [
  { id: 'a', title: 'Play park', cost: 60_000 },
  { id: 'b', title: 'Library hours', cost: 30_000 },
  { id: 'c', title: 'Bus shelter', cost: 15_000 },
];
const rules: CartRules = { budget: 100_000, minProjects: 1, maxProjects: null };

describe('the ballot cart', () => {
  it('adds up the chosen projects and the money left, ignoring ids no longer listed', () => {
    expect(cartTotal(['a', 'c'], projects)).toBe(75_000);
    expect(moneyLeft(['a', 'c'], projects, rules)).toBe(25_000);
    expect(cartTotal(['gone', 'b'], projects)).toBe(30_000);
    expect(chosenProjects(['c', 'a'], projects).map((p) => p.id)).toEqual(['a', 'c']);
    expect(cartSummary(['a', 'c'], projects, rules)).toBe('2 projects chosen, costing £75,000. £25,000 left of £100,000.');
  });

  it('lets a project in while it fits, exactly up to the budget', () => {
    expect(canAdd(['a'], projects[1]!, projects, rules)).toEqual({ ok: true });
    expect(
      canAdd(['a', 'c'], { id: 'd', title: 'Exact', cost: 25_000 }, [...projects, { id: 'd', title: 'Exact', cost: 25_000 }], rules),
    ).toEqual({ ok: true });
  });

  it('refuses a project that would go over the budget, with the database key and the sums', () => {
    const check = canAdd(['a', 'b'], projects[2]!, projects, rules);
    expect(check).toMatchObject({ ok: false, key: 'over_budget' });
    expect(!check.ok && check.message).toContain('£10,000 left');
    expect(!check.ok && check.message).toContain('£5,000 over the budget');
    expect(WORDS.over_budget).toBeTruthy();
  });

  it('refuses a second copy and a project not on the list', () => {
    expect(canAdd(['a'], projects[0]!, projects, rules)).toMatchObject({ ok: false, key: 'repeated_project' });
    expect(canAdd([], { id: 'x', title: 'X', cost: 1 }, projects, rules)).toMatchObject({ ok: false, key: 'not_on_shortlist' });
  });

  it('holds the maximum number of projects', () => {
    const max2 = { ...rules, maxProjects: 2 };
    expect(canAdd(['b'], projects[2]!, projects, max2)).toEqual({ ok: true });
    expect(canAdd(['b', 'c'], projects[0]!, projects, max2)).toMatchObject({ ok: false, key: 'too_many_projects' });
    expect(canSend(['a', 'b', 'c'], projects, { ...max2, budget: 1e6 })).toMatchObject({ ok: false, key: 'too_many_projects' });
    expect(canSend(['a', 'b'], projects, max2)).toEqual({ ok: true });
  });

  it('holds the minimum number of projects when sending', () => {
    expect(canSend([], projects, rules)).toMatchObject({ ok: false, key: 'too_few_projects' });
    expect(canSend(['c'], projects, { ...rules, minProjects: 2 })).toMatchObject({ ok: false, key: 'too_few_projects' });
    expect(canSend(['c'], projects, rules)).toEqual({ ok: true });
  });

  it('refuses to send an over-budget, repeated or unknown choice', () => {
    expect(canSend(['a', 'b', 'c'], projects, rules)).toMatchObject({ ok: false, key: 'over_budget' });
    expect(canSend(['a', 'a'], projects, rules)).toMatchObject({ ok: false, key: 'repeated_project' });
    expect(canSend(['a', 'gone'], projects, rules)).toMatchObject({ ok: false, key: 'not_on_shortlist' });
  });

  it('says the limits in words', () => {
    expect(limitsSentence(rules)).toBe('');
    expect(limitsSentence({ ...rules, maxProjects: 3 })).toBe('Choose between 1 and 3 projects.');
    expect(limitsSentence({ ...rules, minProjects: 0, maxProjects: 3 })).toBe('Choose up to 3 projects.');
    expect(limitsSentence({ ...rules, minProjects: 2, maxProjects: 2 })).toBe('Choose exactly 2 projects.');
    expect(limitsSentence({ ...rules, minProjects: 2 })).toBe('Choose at least 2 projects.');
  });

  it('compares choices in any order', () => {
    expect(sameChoice(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameChoice(['a'], ['a', 'b'])).toBe(false);
    expect(sameChoice(['a', 'c'], ['a', 'b'])).toBe(false);
  });
});
