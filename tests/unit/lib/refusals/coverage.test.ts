// Every refusal key the database can raise has screen words, so rewording a message in SQL
// never silently breaks a screen, and a new key cannot ship without words.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

async function sqlKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const file of await readdir('supabase/migrations')) {
    const sql = await readFile(join('supabase/migrations', file), 'utf8');
    for (const m of sql.matchAll(/private\.refuse\(\s*'[^']*',\s*'([a-z0-9_]+)'/g)) keys.add(m[1]!);
    // Refusals answered without rolling back (private.refusal_answer(status, code, key, …)).
    for (const m of sql.matchAll(/private\.refusal_answer\(\s*\d+,\s*'[^']*',\s*'([a-z0-9_]+)'/g)) keys.add(m[1]!);
    // The grants helpers that refuse with their caller's key (the key comes right before the message).
    for (const m of sql.matchAll(/private\.require_(?:state|may_see_scores)\([^;]*?'([a-z0-9_]+)',\s*'[A-Z]/g)) keys.add(m[1]!);
  }
  return keys;
}

async function screenWords(): Promise<Record<string, string>> {
  const words: Record<string, string> = {};
  for (const file of await readdir('src/lib/refusals')) {
    if (!file.endsWith('.ts') || file === 'index.ts') continue;
    const mod = (await import(`../../../../src/lib/refusals/${file}`)) as { WORDS?: Record<string, string> };
    Object.assign(words, mod.WORDS ?? {});
  }
  return words;
}

describe('refusal keys', () => {
  it('every key raised in SQL has plain words for the screens', async () => {
    const words = await screenWords();
    const keys = await sqlKeys();
    expect(keys.size).toBeGreaterThan(5);
    expect([...keys].filter((k) => !words[k]?.trim())).toEqual([]);
  });

  it('keys are snake_case words, so a typo stands out', async () => {
    for (const key of await sqlKeys()) expect(key).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
  });
});
