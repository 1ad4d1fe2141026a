// The JavaScript modules a built page loads, read from the output folder (Node, at build time and
// in tests): a module's static imports (`import … from "./x.js"`, `import "./x.js"`) and its
// dynamic ones (`import(…)`, which the bundler writes with backticks, so any quote counts).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const STATIC_IMPORT = /(?:from|import)\s*["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\s*\(\s*["'`]([^"'`]+\.js)["'`]/g;

/**
 * A module and everything it imports, by path in the output folder: statically and dynamically,
 * or (with `dynamic` false) only what the browser must fetch before the module can run.
 */
export function moduleGraph(entry: string, seen = new Set<string>(), dist = 'dist', dynamic = true): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(dist, entry), 'utf8');
  const specs = [...code.matchAll(STATIC_IMPORT), ...(dynamic ? code.matchAll(DYNAMIC_IMPORT) : [])].map((m) => m[1]!);
  for (const spec of specs) {
    const next = spec.startsWith('/') ? spec : join(dirname(entry), spec);
    moduleGraph(next, seen, dist, dynamic);
  }
  return seen;
}

/** The modules an HTML page's islands start from: each island's component and renderer. */
export const islandEntries = (html: string) => [...html.matchAll(/(?:component|renderer)-url="([^"]+)"/g)].map((m) => m[1]!);
