// The moderation queue's lists. Their one home is SQL (supabase/migrations/20261205000300_moderation_and_tree.sql:
// the enum private.moderation_status, private.moderation_actions() and private.moderation_kinds());
// these copies are what TypeScript derives its types from, and tests/db/moderation/lists.test.ts
// checks the two agree.
export const MODERATION_STATUSES = ['waiting', 'approved', 'returned', 'hidden'] as const;
export const MODERATION_ACTIONS = ['approve', 'return', 'hide', 'restore'] as const;
export const MODERATION_KINDS = ['tree', 'pb', 'updates'] as const;

export type ModerationStatus = (typeof MODERATION_STATUSES)[number];
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
export type ModerationKind = (typeof MODERATION_KINDS)[number];

/** What each kind is called on the officers' screen. */
export const KIND_WORDS: Record<ModerationKind, string> = {
  tree: 'Co-production Tree leaves',
  pb: 'Budgeting ideas',
  updates: 'Project updates',
};

export const STATUS_WORDS: Record<ModerationStatus, string> = {
  waiting: 'Waiting',
  approved: 'Approved',
  returned: 'Returned',
  hidden: 'Hidden',
};

/** The actions an item's status allows: the same rule as private.require_moderation_status. */
export function actionsFor(status: ModerationStatus): ModerationAction[] {
  switch (status) {
    case 'waiting':
      return ['approve', 'return', 'hide'];
    case 'approved':
      return ['return', 'hide'];
    case 'returned':
      return ['approve', 'hide'];
    case 'hidden':
      return ['restore'];
  }
}
