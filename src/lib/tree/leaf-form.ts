// The questions of a leaf and the checks the browser makes before sending, the same limits
// api.tree_add_leaf enforces (supabase/migrations/20261205000300_moderation_and_tree.sql), so a
// person hears about a missing answer at once; the database checks again and has the last word.
export const LEAF_FIELDS = ['what', 'who', 'what_changed', 'name'] as const;
export type LeafField = (typeof LEAF_FIELDS)[number];
export type LeafAnswers = Record<LeafField, string>;

export const EMPTY_LEAF: LeafAnswers = { what: '', who: '', what_changed: '', name: '' };

/** Longest answer the database takes, and whether it is needed. */
export const LEAF_LIMITS: Record<LeafField, { max: number; required: boolean }> = {
  what: { max: 300, required: true },
  who: { max: 300, required: false },
  what_changed: { max: 500, required: true },
  name: { max: 40, required: false },
};

const LINK = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|info|biz|ru|xyz|top)\b)/i;

export type LeafProblem = 'leaf_answer_needed' | 'leaf_too_long' | 'leaf_no_links';

/** The first problem with one answer, as the database's key, or undefined. */
export function checkLeafAnswer(field: LeafField, value: string): LeafProblem | undefined {
  const text = value.trim();
  const limit = LEAF_LIMITS[field];
  if (!text && limit.required) return 'leaf_answer_needed';
  if (text.length > limit.max) return 'leaf_too_long';
  if (LINK.test(text)) return 'leaf_no_links';
  return undefined;
}

/** Every answer's problem, in the order of the questions. */
export function checkLeaf(answers: LeafAnswers): { field: LeafField; key: LeafProblem }[] {
  return LEAF_FIELDS.flatMap((field) => {
    const key = checkLeafAnswer(field, answers[field]);
    return key ? [{ field, key }] : [];
  });
}

/** What api.tree_add_leaf is sent: empty answers left out. */
export function leafArgs(answers: LeafAnswers, website: string, easyRead: boolean) {
  const given = (s: string) => s.trim() || undefined;
  return {
    p_what: answers.what.trim(),
    p_what_changed: answers.what_changed.trim(),
    p_who: given(answers.who),
    p_name: given(answers.name),
    p_website: given(website),
    p_easy_read: easyRead,
  };
}
