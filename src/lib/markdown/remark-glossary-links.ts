// Links the first use of each glossary word on a page to its entry (/glossary/#slug), so a
// reader who meets a hard word can find out what it means. Headings, links and code are left
// alone, and so are the glossary's own entries.
import type { Link, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { loadGlossaryTerms, type GlossaryTerm } from './glossary-terms.ts';

const SKIP = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'html', 'definition']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Match {
  index: number;
  length: number;
  slug: string;
}

function firstMatch(text: string, terms: GlossaryTerm[], used: Set<string>): Match | undefined {
  let best: Match | undefined;
  for (const term of terms) {
    if (used.has(term.slug)) continue;
    for (const form of term.forms) {
      // Whole words only, and not inside a hyphenated compound ("co-production" in "co-production-week").
      const found = new RegExp(`(?<![\\w-])${escapeRegExp(form)}(?![\\w-])`, 'i').exec(text);
      if (found && (!best || found.index < best.index || (found.index === best.index && form.length > best.length))) {
        best = { index: found.index, length: form.length, slug: term.slug };
      }
    }
  }
  return best;
}

/** Splits one text node into text and links; returns the replacement nodes. */
function linkText(node: Text, terms: GlossaryTerm[], used: Set<string>): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let rest = node.value;
  for (let match = firstMatch(rest, terms, used); match; match = firstMatch(rest, terms, used)) {
    used.add(match.slug);
    if (match.index > 0) out.push({ type: 'text', value: rest.slice(0, match.index) });
    const link: Link = {
      type: 'link',
      url: `/glossary/#${match.slug}`,
      title: null,
      data: { hProperties: { className: ['wt-glossary-link'] } },
      children: [{ type: 'text', value: rest.slice(match.index, match.index + match.length) }],
    };
    out.push(link);
    rest = rest.slice(match.index + match.length);
  }
  if (rest) out.push({ type: 'text', value: rest });
  return out;
}

function walk(parent: Parent, terms: GlossaryTerm[], used: Set<string>) {
  const children: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'text') children.push(...linkText(child, terms, used));
    else {
      if (!SKIP.has(child.type) && 'children' in child) walk(child as Parent, terms, used);
      children.push(child);
    }
  }
  parent.children = children as Parent['children'];
}

export function linkGlossaryTerms(tree: Root, terms: GlossaryTerm[]) {
  walk(tree, terms, new Set());
}

export default function remarkGlossaryLinks(options: { terms?: GlossaryTerm[] } = {}) {
  let terms = options.terms;
  return (tree: Root, file: { path?: string; history?: string[] }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (/[\\/]content[\\/]glossary[\\/]/.test(path)) return;
    terms ??= loadGlossaryTerms();
    linkGlossaryTerms(tree, terms);
  };
}
