// Leads write their own project's updates: a lead of another project, a resident who leads
// nothing, an officer and the signed-out are refused; bad input is a 4xx with a key and
// changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, openTestDatabase } from '../../support/db.ts';
import { ok, refusedWith } from '../../support/calls.ts';
import type { ProjectUpdate, LedProject } from '../../../src/lib/api/project-updates.ts';
import { buildUpdatesWorld, fields, type UpdatesWorld } from './world.ts';

let db: Database;
let w: UpdatesWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildUpdatesWorld(db);
});
afterAll(() => db.close());

describe('a project lead', () => {
  it('saves a draft of their own project, then sends it; officers are emailed', async () => {
    const draft = await ok<ProjectUpdate>(db, w.lead, 'save_project_update', fields({ p_text: '', p_next: '  ' }));
    expect(draft).toMatchObject({ status: 'draft', project_title: 'Community Transport', text: null, next: null });
    const changed = await ok<ProjectUpdate>(db, w.lead, 'save_project_update', fields({ p_id: draft.id }));
    expect(changed.text).toContain('Twelve riders');
    const sent = await ok<ProjectUpdate>(db, w.lead, 'submit_project_update', { p_id: draft.id });
    expect(sent.status).toBe('waiting');
    const mail = await db.query<{ recipient: string; link: string }>(
      `select recipient, link from private.outbox where template = 'project_update_waiting' and link like '%' || $1`,
      [draft.id],
    );
    expect(mail.map((m) => m.recipient)).toContain('pu-officer-1@example.org');
    const [event] = await db.query<{ actor: string; actor_role: string }>(
      `select actor, actor_role from private.audit_events where table_name = 'project_updates' and row_id = $1 and action = 'insert'`,
      [draft.id],
    );
    expect(event).toEqual({ actor: w.lead.sub, actor_role: 'project_lead' });
  });

  it('sees only the projects they lead, with their own updates', async () => {
    const mine = await ok<LedProject[]>(db, w.lead, 'my_led_projects');
    expect(mine.map((p) => p.slug)).toEqual(['community-transport']);
    expect(mine[0]!.updates.length).toBeGreaterThan(0);
    expect(await ok(db, w.resident, 'my_led_projects')).toEqual([]);
    await refusedWith(db, anonymous, 'my_led_projects', {}, 401);
  });

  it('cannot change an update once it is sent', async () => {
    const draft = await ok<ProjectUpdate>(db, w.lead, 'save_project_update', fields({ p_title: 'Sent already' }));
    await ok(db, w.lead, 'submit_project_update', { p_id: draft.id });
    await refusedWith(db, w.lead, 'save_project_update', fields({ p_id: draft.id }), 409, { key: 'update_not_editable' });
    await refusedWith(db, w.lead, 'submit_project_update', { p_id: draft.id }, 409, { key: 'update_not_editable' });
  });
});

describe('who else is refused', () => {
  it('the lead of another project', async () => {
    await refusedWith(db, w.otherLead, 'save_project_update', fields(), 403, { key: 'not_project_lead' });
    const draft = await ok<ProjectUpdate>(db, w.lead, 'save_project_update', fields({ p_title: 'Not yours' }));
    await refusedWith(db, w.otherLead, 'save_project_update', fields({ p_id: draft.id }), 404, { key: 'update_not_found' });
    await refusedWith(db, w.otherLead, 'submit_project_update', { p_id: draft.id }, 404, { key: 'update_not_found' });
  });

  it('a resident who leads nothing, and an officer', async () => {
    await refusedWith(db, w.resident, 'save_project_update', fields(), 403, { key: 'not_project_lead' });
    await refusedWith(db, w.officer, 'save_project_update', fields(), 403, { key: 'not_project_lead' });
  });

  it('the signed-out, and a lead who was removed', async () => {
    await refusedWith(db, anonymous, 'save_project_update', fields(), 401);
    await refusedWith(db, { ...w.lead, sessionId: '00000000-0000-4000-8000-000000000000' }, 'save_project_update', fields(), 401, {
      key: 'session_ended',
    });
    const draft = await ok<ProjectUpdate>(db, w.otherLead, 'save_project_update', fields({ p_project_slug: 'grants-panels' }));
    await ok(db, w.officer, 'remove_project_lead', { p_project_slug: 'grants-panels', p_person_id: w.otherLead.sub });
    await refusedWith(db, w.otherLead, 'submit_project_update', { p_id: draft.id }, 403, { key: 'not_project_lead' });
    await ok(db, w.officer, 'assign_project_lead', { p_project_slug: 'grants-panels', p_email: 'pu-other-1@example.org' });
    await ok(db, w.otherLead, 'submit_project_update', { p_id: draft.id });
  });
});

describe('bad input', () => {
  it('is a 4xx with a key, and writes nothing', async () => {
    await refusedWith(db, w.lead, 'save_project_update', fields({ p_project_slug: 'no-such-project' }), 404, { key: 'project_not_found' });
    await refusedWith(db, w.lead, 'save_project_update', fields({ p_title: 'x'.repeat(121) }), 400, { key: 'too_long' });
    await refusedWith(db, w.lead, 'save_project_update', fields({ p_text: 'x'.repeat(2001) }), 400, { key: 'too_long' });
    await refusedWith(db, w.lead, 'save_project_update', fields({ p_month: '2999-01-01' }), 400, { key: 'month_in_future' });
    await refusedWith(db, w.lead, 'save_project_update', fields({ p_month: '2001-01-01' }), 400, { key: 'month_too_old' });
    await refusedWith(db, w.lead, 'save_project_update', fields({ p_month: null }), 400, { key: 'required' });
    await refusedWith(db, w.lead, 'save_project_update', fields({ p_month: 'soon' }), 400);
    await refusedWith(db, w.lead, 'submit_project_update', { p_id: 'not-a-uuid' }, 400);
  });
});
