// Every typed wrapper in src/lib/api/ names a function and arguments that exist in schema api,
// so renaming either in SQL fails here rather than on a resident's screen.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/database.ts';
import { registry } from '../../src/lib/api/define.ts';
import { openTestDatabase } from '../support/db.ts';

let db: Database;
let known: Map<string, Set<string>[]>;
beforeAll(async () => {
  for (const file of await readdir('src/lib/api')) {
    if (file.endsWith('.ts') && file !== 'define.ts') await import(`../../src/lib/api/${file}`);
  }
  db = await openTestDatabase();
  const rows = await db.query<{ name: string; args: string[] | null }>(
    `select p.proname as name, p.proargnames as args from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'api'`,
  );
  known = new Map();
  for (const row of rows) known.set(row.name, [...(known.get(row.name) ?? []), new Set(row.args ?? [])]);
});
afterAll(() => db.close());

describe('typed api wrappers', () => {
  it('each names a function in schema api, with arguments it declares', () => {
    expect(registry.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const fn of registry) {
      const overloads = known.get(fn.name);
      if (!overloads) wrong.push(`${fn.name}: no such function`);
      else if (!overloads.some((args) => fn.argNames.every((a) => args.has(a))))
        wrong.push(`${fn.name}(${fn.argNames.join(', ')}): unknown argument`);
    }
    expect(wrong).toEqual([]);
  });

  it('are declared once each for each way of calling (signed in, anonymous)', () => {
    const names = registry.map((fn) => `${fn.name}${fn.anonymous ? ' (anonymous)' : ''}`);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('call anonymously only functions that anon may execute', async () => {
    const anonymous = registry.filter((fn) => fn.anonymous).map((fn) => fn.name);
    expect(anonymous.length).toBeGreaterThan(0);
    const rows = await db.query<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'api' and has_function_privilege('anon', p.oid, 'execute')`,
    );
    const granted = new Set(rows.map((r) => r.name));
    expect(anonymous.filter((name) => !granted.has(name))).toEqual([]);
    // The check can fail: a signed-in-only function is not granted to anon.
    expect(granted.has('create_fund')).toBe(false);
  });
});
