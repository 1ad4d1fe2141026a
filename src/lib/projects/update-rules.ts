// The rules of a project update, one home for the Markdown updates (src/lib/content/schemas.ts)
// and for those leads write online (supabase/migrations/20261205000400_project_updates.sql:
// private.project_update_limits, private.you_said_is_theirs, private.require_complete_update).
// tests/db/project-updates/rules.test.ts runs the same examples through both.

/** The longest each part may be, in characters. */
export const UPDATE_LIMITS = { title: 120, weAsked: 1000, youSaid: 1000, weDid: 1000, text: 2000, next: 1000 } as const;

/** "You said" is what people told us: it must not start as the council speaking. */
export function youSaidIsTheirs(text: string): boolean {
  return !/^(we|our|the council)\b/i.test(text.trim());
}

export const YOU_SAID_MESSAGE = '"You said" is for what people told us; what we (the council) did goes in "weDid" or "text"';

/** An update says something: what happened, or at least one of "we asked", "you said", "we did". */
export function updateSaysSomething(u: { text?: string; weAsked?: string; youSaid?: string; weDid?: string }): boolean {
  return Boolean(u.text || u.weAsked || u.youSaid || u.weDid);
}

/** The life of an update written online, as private.project_update_status lists it. */
export const UPDATE_STATUSES = ['draft', 'waiting', 'approved', 'returned', 'hidden'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];
