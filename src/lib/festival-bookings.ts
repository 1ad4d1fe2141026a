// What a festival booker can ask for, in the order the form asks. The list the database enforces
// is private.festival_need_kinds() (supabase/migrations/20261205000200_festival_bookings.sql);
// tests/db/festival/needs.test.ts compares the two, so neither can drift.
export const NEED_KINDS = ['step_free', 'hearing_loop', 'interpreter', 'easy_read', 'quiet_space', 'dietary', 'carer_place'] as const;

export type NeedKind = (typeof NEED_KINDS)[number];

/** How the form offers each kind of support: what we will provide, never a question about why. */
export const NEED_LABELS: Record<NeedKind, { label: string; hint?: string; summary: string }> = {
  step_free: {
    label: 'Step-free access',
    hint: 'For example, a wheelchair space or a seat near the door',
    summary: 'Step-free access',
  },
  hearing_loop: { label: 'A hearing loop', hint: 'In rooms other than the Main Hall', summary: 'Hearing loop' },
  interpreter: { label: 'A British Sign Language (BSL) or other interpreter', summary: 'Interpreter' },
  easy_read: { label: 'Easy read or large print papers', summary: 'Easy read or large print' },
  quiet_space: { label: 'A quiet space to rest', summary: 'Quiet space' },
  dietary: { label: 'Food for a special diet', hint: 'For example, vegan, halal or no nuts', summary: 'Dietary needs' },
  carer_place: {
    label: 'A free place for my carer or personal assistant',
    hint: 'They will have a place in every session you book',
    summary: 'Place for a carer or personal assistant',
  },
};

/** The key the database gives a session: its title in lower case, words joined by hyphens. */
export function sessionKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A session's time as the programme prints it ("13:30"), in Oxford's time. */
export function londonTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
}
