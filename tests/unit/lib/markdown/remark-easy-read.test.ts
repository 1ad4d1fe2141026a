import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import remarkEasyRead from '../../../../src/lib/markdown/remark-easy-read.ts';

const list = (value: string): Root => ({
  type: 'root',
  children: [
    {
      type: 'list',
      ordered: false,
      children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] }],
    },
  ],
});

describe('easy-read icons', () => {
  it('turns [name] at the start of a point into a picture beside it', () => {
    const tree = list('[people] We work together.');
    remarkEasyRead()(tree, { path: '/x/src/content/pages/easy-read/home.md' });
    const item = (tree.children[0] as { children: { children: { type: string; value?: string; children?: { value: string }[] }[] }[] })
      .children[0]!;
    expect(item.children[0]!.type).toBe('html');
    expect(item.children[0]!.value).toContain('<svg');
    expect(item.children[0]!.value).toContain('aria-hidden="true"');
    expect(item.children[1]!.children![0]!.value).toBe('We work together.');
  });

  it('keeps the words of a point in one paragraph, so a link stays inside its sentence', () => {
    const tree = list('[people] We work together.');
    remarkEasyRead()(tree, { path: '/x/src/content/pages/easy-read/home.md' });
    expect((tree.children[0] as { children: { spread?: boolean }[] }).children[0]!.spread).toBe(true);
  });

  it('fails the build on an unknown icon, naming the file and the choices', () => {
    expect(() => remarkEasyRead()(list('[peple] Typo.'), { path: '/x/src/content/pages/easy-read/home.md' })).toThrow(
      /easy-read\/home\.md: the easy-read icon "\[peple\]" does not exist\. Use one of: people/,
    );
  });

  it('does nothing outside easy-read pages', () => {
    const tree = list('[people] Not easy read.');
    remarkEasyRead()(tree, { path: '/x/src/content/pages/what-is-co-production.md' });
    expect(JSON.stringify(tree)).toContain('[people] Not easy read.');
  });
});
