// The officer's process settings form as data: what was typed, checked in the browser with the
// same limits the database keeps (so most mistakes are caught before sending), and turned into
// the arguments of pb_create_process / pb_update_process. The database checks everything again;
// its refusals name a field, which FIELD_IDS maps to the box on screen.
import { parsePounds } from '../money';
import type { PbEligibilityMethod, PbOfficerProcess, PbRuleOptions } from '../api/pb-officers';

export type ProcessForm = {
  title: string;
  slug: string;
  area: string;
  budget: string;
  description: string;
  rule: 'equal-shares' | 'greedy';
  completion: NonNullable<PbRuleOptions['completion']>;
  compareWithGreedy: boolean;
  minProjects: string;
  maxProjects: string;
  eligibility: PbEligibilityMethod[];
  postcodes: string;
};

export type FormError = { id: string; message: string };

/** The database's field names (detail.field) → the ids of the boxes on the form. */
export const FIELD_IDS: Record<string, string> = {
  title: 'process-title',
  slug: 'process-slug',
  area: 'process-area',
  budget: 'process-budget',
  description: 'process-description',
  rule: 'process-rule',
  rule_options: 'process-completion',
  min_projects: 'process-min',
  max_projects: 'process-max',
  eligibility: 'process-eligibility-code',
  postcode_prefixes: 'process-postcodes',
  currency: 'process-budget',
};

export const emptyProcessForm = (): ProcessForm => ({
  title: '',
  slug: '',
  area: '',
  budget: '',
  description: '',
  rule: 'equal-shares',
  completion: 'add1u',
  compareWithGreedy: true,
  minProjects: '1',
  maxProjects: '',
  eligibility: ['voting_code'],
  postcodes: '',
});

export function formFromProcess(p: PbOfficerProcess): ProcessForm {
  return {
    title: p.title,
    slug: p.slug,
    area: p.area,
    budget: String(p.budget),
    description: p.description,
    rule: p.rule,
    completion: p.rule_options.completion ?? 'none',
    compareWithGreedy: p.rule_options.compareWithGreedy ?? false,
    minProjects: String(p.min_projects),
    maxProjects: p.max_projects === null ? '' : String(p.max_projects),
    eligibility: [...p.eligibility],
    postcodes: p.postcode_prefixes.join(' '),
  };
}

/** A web name from a title: "Community Chest 2027" → "community-chest-2027". */
export const slugFrom = (title: string) =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PREFIX = /^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9]?$/;
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);
export const splitPostcodes = (text: string) =>
  text
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);

export type ProcessArgs = {
  p_title: string;
  p_slug: string;
  p_area: string;
  p_budget: number;
  p_description: string;
  p_rule: 'equal-shares' | 'greedy';
  p_rule_options: PbRuleOptions;
  p_min_projects: number;
  p_max_projects: number;
  p_eligibility: PbEligibilityMethod[];
  p_postcode_prefixes: string[];
};

/** Checks the form; `keep` carries counting options the form does not show (seed and the like). */
export function checkProcessForm(f: ProcessForm, keep: PbRuleOptions = { seed: 1 }): { errors: FormError[]; args?: ProcessArgs } {
  const errors: FormError[] = [];
  const say = (field: string, message: string) => errors.push({ id: FIELD_IDS[field]!, message });
  if (!f.title.trim()) say('title', 'Enter the name of the process');
  else if (f.title.trim().length > 120) say('title', 'The name must be 120 characters or fewer');
  if (!f.slug.trim()) say('slug', 'Enter a web name, like community-chest-2027');
  else if (!SLUG.test(f.slug.trim()) || f.slug.trim().length > 80)
    say('slug', 'The web name can only use lower-case letters, numbers and single hyphens, like community-chest-2027');
  if (!f.area.trim()) say('area', 'Enter the area the process covers, like Oxfordshire');
  const budget = parsePounds(f.budget);
  if (!f.budget.trim()) say('budget', 'Enter the budget in pounds, like 280000');
  else if (!Number.isFinite(budget) || budget <= 0 || budget > 1e9) say('budget', 'The budget must be an amount more than £0, like 280000');
  if (f.description.length > 4000) say('description', 'The description must be 4,000 characters or fewer');
  const min = whole(f.minProjects);
  const max = f.maxProjects.trim() ? whole(f.maxProjects) : 0;
  if (!(min >= 0 && min <= 100)) say('min_projects', 'The fewest projects must be a whole number from 0 to 100');
  if (f.maxProjects.trim() && !(max >= 1 && max <= 100))
    say('max_projects', 'The most projects must be a whole number from 1 to 100, or left empty for no limit');
  else if (max > 0 && min >= 0 && max < min) say('max_projects', 'The most projects cannot be fewer than the fewest');
  if (f.eligibility.length === 0) say('eligibility', 'Choose at least one way for people to show they may vote');
  const prefixes = splitPostcodes(f.postcodes);
  const bad = prefixes.find((p) => !PREFIX.test(p));
  if (bad) say('postcode_prefixes', `"${bad}" is not the first part of a postcode. Write areas like OX4 or OX44`);
  else if (prefixes.length > 500) say('postcode_prefixes', 'List at most 500 postcode areas');
  if (errors.length) return { errors };
  return {
    errors,
    args: {
      p_title: f.title.trim(),
      p_slug: f.slug.trim(),
      p_area: f.area.trim(),
      p_budget: budget,
      p_description: f.description.trim(),
      p_rule: f.rule,
      p_rule_options: { ...keep, completion: f.completion, compareWithGreedy: f.compareWithGreedy },
      p_min_projects: min,
      p_max_projects: max,
      p_eligibility: f.eligibility,
      p_postcode_prefixes: [...new Set(prefixes)],
    },
  };
}
