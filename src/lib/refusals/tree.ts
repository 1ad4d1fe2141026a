// What the Co-production Tree's pages say for each refusal key api.tree_add_leaf raises
// (supabase/migrations/20261205000300_moderation_and_tree.sql). The easy-read pages use EASY_WORDS
// where they have one: short words, one idea.
export const WORDS: Record<string, string> = {
  leaf_answer_needed: 'Please answer this question.',
  leaf_too_long: 'This is too long. Please make it shorter.',
  leaf_no_links: 'Please take out the web address. Leaves cannot hold links.',
  leaf_not_taken: 'We could not take this leaf. Please try again, or tell us about it at the festival.',
  too_many_leaves: 'Many leaves have been sent from here in the last hour. Please try again later.',
};

export const EASY_WORDS: Record<string, string> = {
  leaf_answer_needed: 'Please write something here.',
  leaf_too_long: 'This is too long. Please use fewer words.',
  leaf_no_links: 'Please take out the web address.',
  leaf_not_taken: 'Sorry, we could not take your leaf. Please try again.',
  too_many_leaves: 'Lots of leaves came from here today. Please try again later.',
};
