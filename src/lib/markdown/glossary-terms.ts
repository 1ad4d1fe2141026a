// Reads the glossary's terms straight from its files, so the Markdown pipeline can link them
// before Astro's content layer runs (remark plugins run while content is being rendered).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface GlossaryTerm {
  slug: string;
  /** Every form to link, longest first: the term and its aliases. */
  forms: string[];
}

export function loadGlossaryTerms(
  dir = join(process.env.CONTENT_DIR ?? join(process.cwd(), 'src', 'content'), 'glossary'),
): GlossaryTerm[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const frontmatter = text.match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1];
    const data = frontmatter ? (parse(frontmatter) as { term?: unknown; aliases?: unknown }) : {};
    if (typeof data.term !== 'string') return [];
    const aliases = Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [];
    const forms = [data.term, ...aliases].sort((a, b) => b.length - a.length);
    return [{ slug: file.replace(/\.md$/, ''), forms }];
  });
}
