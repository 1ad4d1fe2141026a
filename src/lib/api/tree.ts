// Wrappers of the Co-production Tree's public functions
// (supabase/migrations/20261205000300_moderation_and_tree.sql). Words: src/lib/refusals/tree.ts.
import { defineApi } from './define';

/** A leaf as everyone sees it, once approved. `name` is null for anonymous. */
export type TreeLeaf = { id: string; what: string; who: string | null; what_changed: string; name: string | null; approved_at: string };

export type TreeLeafArgs = {
  p_what: string;
  p_what_changed: string;
  p_who?: string;
  p_name?: string;
  /** The form's hidden field: empty for people. */
  p_website?: string;
  p_easy_read?: boolean;
};

export const treeAddLeaf = defineApi<{ id: string; status: 'waiting' }, TreeLeafArgs>('tree_add_leaf', [
  'p_what',
  'p_what_changed',
  'p_who',
  'p_name',
  'p_website',
  'p_easy_read',
]);

export const treeLeaves = defineApi<TreeLeaf[]>('tree_leaves', []);
