// Content facts the sources support. "You said" must hold what people said: these updates once
// filled it with what the council did or what a group worked on, which no one is recorded saying.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../../src/lib/content/check.ts';

type Update = { title: string; youSaid?: string; text?: string };
const updates = (slug: string) =>
  (splitFrontmatter(readFileSync(`src/content/projects/${slug}.md`, 'utf8')).data as { updates: Update[] }).updates;

describe('"You said" in project updates', () => {
  it('Supported Transport: only what the family carer on the board said', () => {
    const said = updates('supported-transport').flatMap((u) => (u.youSaid ? [u.youSaid] : []));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^A family carer on the board told us/);
    expect(said[0]).not.toMatch(/visited|workshops/);
  });

  it('Strengths-based practice and the Carers\u2019 Pathway Review: no "You said", as no one is recorded saying anything', () => {
    for (const slug of ['strengths-based-practice', 'carers-pathway-review']) {
      expect(
        updates(slug).filter((u) => u.youSaid),
        slug,
      ).toEqual([]);
    }
  });

  it('Care Homes Strategy: counts the 63 people spoken to in care homes (seed 000)', () => {
    const data = splitFrontmatter(readFileSync('src/content/projects/care-homes-strategy.md', 'utf8')).data as { peopleInvolved?: number };
    expect(data.peopleInvolved).toBe(63);
  });
});
