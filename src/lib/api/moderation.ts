// Wrappers of the officers' moderation queue (supabase/migrations/20261205000300_moderation_and_tree.sql).
// Words: src/lib/refusals/moderation.ts (and pb-officers.ts for a proposal's own rules).
import type { ModerationAction, ModerationKind, ModerationStatus } from '../moderation/lists';
import { defineApi } from './define';

/** One item as the queue shows it, whatever its kind. */
export type ModerationItem = {
  kind: ModerationKind;
  id: string;
  title: string;
  excerpt: string;
  submitted_at: string;
  status: ModerationStatus;
  note: string | null;
  link: string | null;
};

export type ModerationQueue = {
  items: ModerationItem[];
  total: number;
  /** How many there are in each status, for the kind chosen. */
  counts: Partial<Record<ModerationStatus, number>>;
  page: number;
  page_size: number;
};

export const moderationQueue = defineApi<
  ModerationQueue,
  { p_kind?: ModerationKind | null; p_status?: ModerationStatus | null; p_page?: number }
>('moderation_queue', ['p_kind', 'p_status', 'p_page']);

export const moderate = defineApi<ModerationItem, { p_kind: ModerationKind; p_id: string; p_action: ModerationAction; p_note?: string }>(
  'moderate',
  ['p_kind', 'p_id', 'p_action', 'p_note'],
);
