// A live hint for officers writing plain-English summaries: long sentences and long words are
// what make text hard for many readers (Easy Read guidance: about 15 words a sentence).

export interface ReadabilityHint {
  sentences: number;
  words: number;
  averageSentenceLength: number;
  longSentences: string[];
  longWords: string[];
  verdict: 'empty' | 'clear' | 'could be clearer' | 'hard to read';
}

export const LONG_SENTENCE_WORDS = 20;
export const LONG_WORD_LETTERS = 12;

export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"'‘“(])/)
    .map((s) => s.trim())
    .filter((s) => /\w/.test(s));
}

const wordsOf = (s: string) => s.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];

export function readabilityHint(text: string): ReadabilityHint {
  const sentences = splitSentences(text);
  const words = sentences.flatMap(wordsOf);
  if (!words.length) return { sentences: 0, words: 0, averageSentenceLength: 0, longSentences: [], longWords: [], verdict: 'empty' };
  const longSentences = sentences.filter((s) => wordsOf(s).length > LONG_SENTENCE_WORDS);
  const longWords = [...new Set(words.filter((w) => w.replace(/['’-]/g, '').length >= LONG_WORD_LETTERS).map((w) => w.toLowerCase()))];
  const averageSentenceLength = Math.round((words.length / sentences.length) * 10) / 10;
  const verdict =
    longSentences.length === 0 && averageSentenceLength <= 15 && longWords.length <= 2
      ? 'clear'
      : longSentences.length > sentences.length / 3 || averageSentenceLength > 22
        ? 'hard to read'
        : 'could be clearer';
  return { sentences: sentences.length, words: words.length, averageSentenceLength, longSentences, longWords, verdict };
}
