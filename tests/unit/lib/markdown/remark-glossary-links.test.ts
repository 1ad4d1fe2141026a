import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { linkGlossaryTerms } from '../../../../src/lib/markdown/remark-glossary-links.ts';

const terms = [
  { slug: 'co-production', forms: ['co-production', 'co-produced'] },
  { slug: 'carer', forms: ['carers', 'carer'] },
  { slug: 'asset', forms: ['asset'] },
];

const paragraph = (value: string): Root => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] });

describe('linking glossary words', () => {
  it('links only the first use of each word on the page', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: 'Co-production helps carers. More co-production.' }] },
        { type: 'paragraph', children: [{ type: 'text', value: 'A carer said so.' }] },
      ],
    };
    linkGlossaryTerms(tree, terms);
    expect(tree.children[0]).toMatchObject({
      children: [
        { type: 'link', url: '/glossary/#co-production', children: [{ value: 'Co-production' }] },
        { type: 'text', value: ' helps ' },
        { type: 'link', url: '/glossary/#carer', children: [{ value: 'carers' }] },
        { type: 'text', value: '. More co-production.' },
      ],
    });
    expect(tree.children[1]).toMatchObject({ children: [{ type: 'text', value: 'A carer said so.' }] });
  });

  it('matches whole words only', () => {
    const tree = paragraph('Assets and passets are not the asset.');
    linkGlossaryTerms(tree, terms);
    expect(tree.children[0]).toMatchObject({
      children: [{ value: 'Assets and passets are not the ' }, { type: 'link', url: '/glossary/#asset' }, { value: '.' }],
    });
  });

  it('leaves headings and existing links alone', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 2, children: [{ type: 'text', value: 'What co-production means' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: '/x/', children: [{ type: 'text', value: 'co-production' }] },
            { type: 'text', value: ' and co-production' },
          ],
        },
      ],
    };
    linkGlossaryTerms(tree, terms);
    expect(tree.children[0]).toMatchObject({ children: [{ type: 'text', value: 'What co-production means' }] });
    expect(tree.children[1]).toMatchObject({
      children: [{ type: 'link', url: '/x/' }, { value: ' and ' }, { type: 'link', url: '/glossary/#co-production' }],
    });
  });
});
