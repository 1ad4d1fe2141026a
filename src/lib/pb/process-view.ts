// What a process's pages say about where it is: each phase with its dates, and how a resident
// can take part now (one link, to the page the phase needs).
import type { PbPhaseDates, PbProcessSummary } from '../api/pb-residents';
import { longDate } from '../dates';
import { PHASE_WORDS } from './phase-words';
import { PB_PHASES, type PbPhase } from './phases';

/** "14 May 2027" for a timestamp, in the council's time zone's calendar (UK). */
export function dayOf(timestamp: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(timestamp));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return longDate(`${get('year')}-${get('month')}-${get('day')}`);
}

/** "1 March 2027 to 31 March 2027", "From 1 March 2027", or '' when no dates are set. */
export function datesText(d: Pick<PbPhaseDates, 'starts_at' | 'ends_at'> | undefined): string {
  if (!d?.starts_at && !d?.ends_at) return '';
  if (d.starts_at && d.ends_at) return `${dayOf(d.starts_at)} to ${dayOf(d.ends_at)}`;
  return d.starts_at ? `From ${dayOf(d.starts_at)}` : `Until ${dayOf(d.ends_at!)}`;
}

export type TimelineStep = { phase: PbPhase; name: string; text: string; dates: string; state: 'done' | 'now' | 'later' };

/** The phases a resident sees (not the council's draft), in order, each with its dates. */
export function timeline(process: Pick<PbProcessSummary, 'phase' | 'phases'>): TimelineStep[] {
  const at = PB_PHASES.indexOf(process.phase);
  return PB_PHASES.filter((p) => p !== 'draft').map((phase) => {
    const i = PB_PHASES.indexOf(phase);
    return {
      phase,
      ...PHASE_WORDS[phase],
      dates: datesText(process.phases.find((d) => d.phase === phase)),
      state: i < at ? 'done' : i === at ? 'now' : 'later',
    };
  });
}

export type TakePart = { text: string; link?: { href: string; label: string } };

/** How to take part now, by phase: suggest a project, vote, or read the results. */
export function takePartNow(phase: PbPhase, slug: string): TakePart {
  const p = encodeURIComponent(slug);
  switch (phase) {
    case 'draft':
      return { text: 'This process has not opened yet.' };
    case 'proposals':
      return {
        text: 'You can suggest a project now. You need to sign in first.',
        link: { href: `/budgeting/propose/?p=${p}`, label: 'Suggest a project' },
      };
    case 'review':
      return { text: 'Ideas have closed. Council officers are checking each idea. Voting opens next.' };
    case 'voting':
      return {
        text: 'Voting is open. Choose the projects you want, up to the budget.',
        link: { href: `/budgeting/vote/?p=${p}`, label: 'Vote now' },
      };
    case 'counting':
      return { text: 'Voting has closed. The votes are being counted. The results will be published here soon.' };
    case 'results':
      return {
        text: 'The votes have been counted and the results are published.',
        link: { href: `/budgeting/results/?p=${p}`, label: 'See the results' },
      };
  }
}
