// The markup of one update on a project's page, in one place: the static page renders every
// update with it (src/components/projects/UpdateTimeline.astro), and the page's script
// (src/browser/project-updates.ts) renders updates approved after the build with it too, so an
// update looks the same whichever way it arrived.
import { escapeHtml as e } from '../html.ts';
import { isoMonth, monthYear } from '../dates.ts';
import type { PublishedUpdate } from '../api/project-updates.ts';
import { updateAnchor } from './updates.ts';

export interface TimelineUpdate {
  date: Date;
  title: string;
  weAsked?: string;
  youSaid?: string;
  weDid?: string;
  text?: string;
  next?: string;
  /** Set for an update written online (its id in the database); Markdown updates have none. */
  id?: string;
}

const PARTS = [
  ['weAsked', 'We asked'],
  ['youSaid', 'You said'],
  ['weDid', 'We did'],
] as const;

/** An approved update from the database, in the shape of a Markdown one. */
export function fromPublished(u: PublishedUpdate): TimelineUpdate & { projectSlug: string; projectTitle: string } {
  const opt = (v: string | null) => v ?? undefined;
  return {
    id: u.id,
    projectSlug: u.project_slug,
    projectTitle: u.project_title,
    date: new Date(`${u.month}T00:00:00Z`),
    title: u.title ?? '',
    weAsked: opt(u.we_asked),
    youSaid: opt(u.you_said),
    weDid: opt(u.we_did),
    text: opt(u.text),
    next: opt(u.next),
  };
}

/** Newest month first; within a month, the order given. */
export const newestFirst = <T extends { date: Date }>(updates: T[]): T[] =>
  [...updates].sort((a, b) => b.date.getTime() - a.date.getTime());

export function updateItemHtml(u: TimelineUpdate): string {
  const said = PARTS.filter(([key]) => u[key]);
  return [
    `<li class="wt-timeline__item" id="${e(updateAnchor(u))}" data-month="${isoMonth(u.date)}"${u.id ? ` data-update-id="${e(u.id)}"` : ''}>`,
    `<h3 class="govuk-heading-s"><span class="govuk-caption-m"><time datetime="${isoMonth(u.date)}">${monthYear(u.date)}</time></span>${e(u.title)}</h3>`,
    said.length > 0
      ? `<dl class="wt-timeline__said govuk-body">${said.map(([key, label]) => `<div><dt>${label}</dt> <dd>${e(u[key]!)}</dd></div>`).join('')}</dl>`
      : '',
    u.text ? `<p class="govuk-body">${e(u.text)}</p>` : '',
    u.next ? `<p class="govuk-body"><strong>What happens next:</strong> ${e(u.next)}</p>` : '',
    '</li>',
  ].join('');
}
