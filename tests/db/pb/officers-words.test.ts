// Every refusal key the officers' SQL raises (and the shared PB helpers it calls) has screen
// words in src/lib/refusals/pb-officers.ts or shared.ts; the officers' file keeps words only for
// keys its SQL raises, and none that shared.ts already has. (The coverage test in tests/unit
// reads only plain keys; this one also reads keys chosen with case ... end.)
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { WORDS } from '../../../src/lib/refusals/pb-officers.ts';
import { WORDS as SHARED } from '../../../src/lib/refusals/shared.ts';

const FILES = [
  '20261204000200_pb_functions_process.sql',
  '20261204000210_pb_functions_moderation.sql',
  '20261204000220_pb_functions_voting_admin.sql',
];

async function raisedKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const file of FILES) {
    const sql = await readFile(`supabase/migrations/${file}`, 'utf8');
    // private.refuse('PTnnn', 'key', ... or private.refuse('PTnnn', case when ... then 'a' else 'b' end, ...
    for (const m of sql.matchAll(/refuse\('[A-Z0-9]+',\s*(case\b[\s\S]*?\bend|'[a-z_]+')/g)) {
      for (const k of m[1]!.matchAll(/'([a-z_]+)'/g)) keys.add(k[1]!);
    }
    // Refusals answered without rolling back: private.refusal_answer(status, 'code', 'key', ...
    for (const m of sql.matchAll(/refusal_answer\(\s*\d+,\s*'[A-Z0-9]+',\s*'([a-z_]+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

describe('screen words for the PB officers’ refusals', () => {
  it('cover every key raised, and only those', async () => {
    const keys = await raisedKeys();
    expect(keys.size).toBeGreaterThan(40);
    expect([...keys].filter((k) => !(k in WORDS) && !(k in SHARED)).sort()).toEqual([]);
    expect(
      Object.keys(WORDS)
        .filter((k) => !keys.has(k))
        .sort(),
    ).toEqual([]);
    expect(Object.keys(WORDS).filter((k) => k in SHARED)).toEqual([]);
  });

  it('are plain sentences', () => {
    for (const [key, words] of Object.entries(WORDS)) expect(words, key).toMatch(/^[A-Z][^]*[.]$/);
  });
});
