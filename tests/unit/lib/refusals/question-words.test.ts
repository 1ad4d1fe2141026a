// Every page calls what members score against a "question"; the officer's round page showed the
// database's own message "Add at least one scoring criterion" (and the agreement members accept
// said "criteria"). No message a person can read says criterion or criteria: not the database's
// refusals, not the agreement's default words, not the screens' words for refusals.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORDS } from '../../../../src/lib/refusals/grants';

const GRANTS_FILES = /^20261124\d+_grants_/;

describe('"question", never "criterion", in words people read', () => {
  it('in the grants refusals and the default agreement', async () => {
    const found: string[] = [];
    for (const file of (await readdir('supabase/migrations')).filter((f) => GRANTS_FILES.test(f))) {
      const sql = await readFile(join('supabase/migrations', file), 'utf8');
      // Every SQL string, in order (comments taken out first, so an apostrophe in one cannot
      // pair the quotes up wrongly), that reads as words: refusal messages, hints and the
      // agreement's lines. Names like private.criteria or criterion_id have no space.
      const code = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const [text] of code.matchAll(/'(?:[^']|'')*'/g))
        if (text.includes(' ') && /\bcriteri(on|a)\b/i.test(text)) found.push(`${file}: ${text}`);
    }
    expect(found).toEqual([]);
  });

  it('in the screens’ words for refusals', () => {
    expect(Object.values(WORDS).filter((w) => /criteri/i.test(w))).toEqual([]);
  });
});
