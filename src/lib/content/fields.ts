// Field builders whose error messages a content editor can act on. Astro prints each message
// after the file's name and the field's name, e.g.
//   projects → carers-pathway-review: **stage**: must be one of: idea, planning, …
import { z } from 'zod';
import type { Term } from './vocabulary.ts';

const today = () => new Date();

/** Text that must be there and not be empty. */
export function text(what: string, max = 10_000) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is missing: add it` : `${what} must be text`) })
    .trim()
    .min(1, `${what} is empty: write something or remove the line`)
    .max(max, `${what} is too long: keep it to ${max} characters or fewer`);
}

export function textList(what: string, { min = 0, max = 1_000 } = {}) {
  return z
    .array(text(what, max), { error: `${what} must be a list, one item per line starting with "- "` })
    .min(min, `add at least ${min} ${what}`);
}

/** One of a fixed list of web names, e.g. a stage or a lead area. */
export function oneOf<T extends readonly Term[]>(terms: T, what: string) {
  const slugs = terms.map((t) => t.slug) as [T[number]['slug'], ...T[number]['slug'][]];
  return z.enum(slugs, { error: `${what} must be one of: ${slugs.join(', ')}` });
}

/** A date written like 2019-05-14 that is not in the future. */
export function pastDate(what: string) {
  return z.coerce
    .date({ error: `${what} must be a date written like 2019-05-14` })
    .refine((d) => d.getTime() <= today().getTime(), `${what} is in the future: only today or earlier is allowed`);
}

export function date(what: string) {
  return z.coerce.date({ error: `${what} must be a date written like 2026-06-18` });
}

export function wholeNumber(what: string) {
  return z
    .number({ error: `${what} must be a number written with digits only, like 600` })
    .int(`${what} must be a whole number`)
    .positive(`${what} must be more than zero`);
}

/** A web name: lower-case letters, numbers and single hyphens. */
export function webName(what: string) {
  return z
    .string({ error: `${what} must be text` })
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/,
      `${what} must use lower-case letters, numbers and hyphens only, like "carers-pathway-review"`,
    );
}

/** A quote as the source attributes it: by group, never by an invented name. */
export const quote = z.object(
  {
    text: text('the quote', 600),
    who: text('who said it (a group, like "a carer on the board")', 120),
  },
  { error: 'each quote needs "text" and "who"' },
);
