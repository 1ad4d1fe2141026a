// A moment as residents read it, in UK time: "18 December 2026 at 5:00pm". Vote times are
// instants (timestamptz), unlike content dates, so the zone is said, not assumed to be UTC.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });

export function dayAt(iso: string): string {
  return DAY.format(new Date(iso));
}

export function momentAt(iso: string): string {
  return `${DAY.format(new Date(iso))} at ${TIME.format(new Date(iso)).replace(/\s/g, '').toLowerCase()}`;
}
