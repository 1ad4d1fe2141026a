import { describe, expect, it } from 'vitest';
import { readabilityHint, splitSentences } from '../../../src/lib/readability.ts';

describe('readability hint', () => {
  it('says nothing useful about empty text', () => {
    expect(readabilityHint('   ').verdict).toBe('empty');
  });

  it('calls short sentences with short words clear', () => {
    const hint = readabilityHint('The group runs a lunch club. Older people meet every Tuesday. They eat and talk.');
    expect(hint).toMatchObject({ sentences: 3, words: 15, averageSentenceLength: 5, longSentences: [], verdict: 'clear' });
  });

  it('points out long sentences and long words', () => {
    const long =
      'The organisation proposes to deliver comprehensive intergenerational opportunities across numerous communities throughout Oxfordshire, supporting wellbeing, resilience and independence for residents experiencing isolation.';
    const hint = readabilityHint(`${long} It is good.`);
    expect(hint.longSentences).toEqual([long]);
    expect(hint.longWords).toEqual(expect.arrayContaining(['comprehensive', 'intergenerational', 'opportunities']));
    expect(hint.verdict).not.toBe('clear');
  });

  it('splits sentences at full stops followed by a capital, not inside numbers', () => {
    expect(splitSentences('It costs £1.50 each. Then we stop.')).toEqual(['It costs £1.50 each.', 'Then we stop.']);
  });
});
