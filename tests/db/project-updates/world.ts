// A small world for the project-updates tests: a lead of one project, the lead of another, a
// resident who leads nothing and an officer, on a fresh copy of the seeded database.
import type { Database } from '../../../supabase/local/database.ts';
import { newPerson, type Actor } from '../../support/db.ts';
import { ok } from '../../support/calls.ts';

export type Caller = Actor & { sub: string };
export interface UpdatesWorld {
  lead: Caller;
  otherLead: Caller;
  resident: Caller;
  officer: Caller;
}

let n = 0;
export async function buildUpdatesWorld(db: Database): Promise<UpdatesWorld> {
  n += 1;
  const officer = await newPerson(db, `pu-officer-${n}@example.org`, { officer: true });
  const lead = await newPerson(db, `pu-lead-${n}@example.org`);
  const otherLead = await newPerson(db, `pu-other-${n}@example.org`);
  const resident = await newPerson(db, `pu-resident-${n}@example.org`);
  await ok(db, officer, 'assign_project_lead', { p_project_slug: 'community-transport', p_email: `pu-lead-${n}@example.org` });
  await ok(db, officer, 'assign_project_lead', { p_project_slug: 'grants-panels', p_email: `pu-other-${n}@example.org` });
  return { lead, otherLead, resident, officer };
}

/** This month's first day, as the database's month (Europe/London). */
export function thisMonth(): string {
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/London' }));
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
}

export const fields = (extra: Record<string, unknown> = {}) => ({
  p_id: null,
  p_project_slug: 'community-transport',
  p_month: thisMonth(),
  p_title: 'Drivers and riders met',
  p_text: 'Twelve riders met the drivers to talk about the new routes.',
  p_we_asked: 'Which routes matter most to you?',
  p_you_said: 'Riders said the Tuesday route to the market matters most.',
  p_we_did: 'We kept the Tuesday route and moved the Thursday one.',
  p_next: 'A second meeting in the spring.',
  ...extra,
});
