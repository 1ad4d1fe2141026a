// The benchmarks and scripts run under Node's own TypeScript support (npm run bench:…, npm start),
// which, unlike Vite, finds a relative import only by its exact file name. A module they reach
// that imports './x' instead of './x.ts' breaks them with ERR_MODULE_NOT_FOUND (bench:pb-count
// did, once). This walks everything they import and names each such import.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['tests/bench', 'scripts', 'supabase/local'];
const entries = ROOTS.flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f)),
);

// Runtime imports only: `import type` and `export type` are erased before Node resolves anything.
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function unresolvable(): string[] {
  const seen = new Set<string>();
  const wrong: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC)]) {
      const target = resolve(dirname(file), spec!);
      if (!existsSync(target) || statSync(target).isDirectory()) wrong.push(`${relative('.', file)} imports '${spec}'`);
      else if (target.endsWith('.ts')) visit(target);
    }
  };
  for (const entry of entries) visit(resolve(entry));
  return wrong;
}

describe("what Node runs resolves under Node's own loader", () => {
  it('finds the benchmarks and scripts to walk', () => {
    expect(entries.length).toBeGreaterThan(10);
    expect(entries).toContain(join('tests/bench', 'pb-count.bench.ts'));
  });

  it('every relative import they reach names its file exactly', () => {
    expect(unresolvable()).toEqual([]);
  });
});
