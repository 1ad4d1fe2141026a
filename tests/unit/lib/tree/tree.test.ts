// The tree's picture (one leaf shape per leaf, inside the crown, decorative), its plain list
// (every leaf's words, escaped) and the form's own checks (the database's limits).
import { describe, expect, it } from 'vitest';
import type { TreeLeaf } from '../../../../src/lib/api/tree';
import { checkLeaf, checkLeafAnswer, EMPTY_LEAF, leafArgs } from '../../../../src/lib/tree/leaf-form';
import { leafListHtml } from '../../../../src/lib/tree/leaf-list';
import { leafPosition, treeSvg } from '../../../../src/lib/tree/picture';

const leaf = (n: number, over: Partial<TreeLeaf> = {}): TreeLeaf => ({
  id: `00000000-0000-4000-a700-${String(n).padStart(12, '0')}`,
  what: `Leaf ${n}`,
  who: 'Carers',
  what_changed: 'Things got better.',
  name: 'Sam',
  approved_at: '2026-12-01T10:00:00Z',
  ...over,
});

describe('the picture', () => {
  it('draws one leaf for each leaf, hidden from assistive technology', () => {
    for (const n of [0, 1, 3, 200]) {
      const svg = treeSvg(Array.from({ length: n }, (_, i) => leaf(i)));
      expect(svg.match(/<ellipse /g)?.length ?? 0).toBe(n);
      expect(svg).toMatch(/^<svg [^>]*aria-hidden="true"[^>]*focusable="false"/);
    }
  });

  it('keeps every leaf inside the crown, and a leaf in the same place as the tree grows', () => {
    for (const n of [1, 5, 50, 500]) {
      for (let i = 0; i < n; i++) {
        const { x, y } = leafPosition(i, n);
        expect(((x - 200) / 165) ** 2 + ((y - 150) / 120) ** 2).toBeLessThanOrEqual(1);
      }
    }
    expect(leafPosition(0, 3)).toEqual(leafPosition(0, 12));
  });
});

describe('the list', () => {
  it('writes out every leaf, anonymous ones without a name, escaping what people typed', () => {
    const html = leafListHtml([leaf(1), leaf(2, { name: null, who: null, what: '<script>alert(1)</script>' })]);
    expect(html).toContain('The tree has 2 leaves.');
    expect(html).toContain('From Sam');
    expect(html).toContain('From someone who did not give their name');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html.match(/Who was involved/g)).toHaveLength(1);
  });

  it('says so when the tree has no leaves yet', () => {
    expect(leafListHtml([])).toContain('no leaves on the tree yet');
    expect(leafListHtml([leaf(1)])).toContain('The tree has 1 leaf.');
  });
});

describe('the form’s checks', () => {
  it('needs what it was and what changed, not who or a name', () => {
    expect(checkLeaf(EMPTY_LEAF)).toEqual([
      { field: 'what', key: 'leaf_answer_needed' },
      { field: 'what_changed', key: 'leaf_answer_needed' },
    ]);
    expect(checkLeaf({ what: 'A walk', who: '', what_changed: 'More came.', name: '' })).toEqual([]);
  });

  it('refuses what the database refuses: too long, or a web address', () => {
    expect(checkLeafAnswer('name', 'x'.repeat(41))).toBe('leaf_too_long');
    expect(checkLeafAnswer('what', 'x'.repeat(300))).toBeUndefined();
    for (const text of ['See https://cheap.example', 'www.pills.biz is great', 'visit bestdeals.com now'])
      expect(checkLeafAnswer('what_changed', text)).toBe('leaf_no_links');
    expect(checkLeafAnswer('what', 'We met at 10.30 in the Town Hall.')).toBeUndefined();
  });

  it('sends empty optional answers as nothing, and the hidden field only if filled', () => {
    expect(leafArgs({ what: ' A walk ', who: ' ', what_changed: 'More came.', name: '' }, '', true)).toEqual({
      p_what: 'A walk',
      p_what_changed: 'More came.',
      p_who: undefined,
      p_name: undefined,
      p_website: undefined,
      p_easy_read: true,
    });
  });
});
