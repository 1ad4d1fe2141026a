// Officers approve, return with a note, hide with a reason and restore updates, each decision
// audited with its note; leads are emailed; nothing is deleted. Nobody else may decide, and
// only approved updates are public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { anonymous, openTestDatabase } from '../../support/db.ts';
import { chainHead, eventsSince, ok, refusedWith } from '../../support/calls.ts';
import type { ProjectUpdate, PublishedUpdate } from '../../../src/lib/api/project-updates.ts';
import { buildUpdatesWorld, fields, type UpdatesWorld } from './world.ts';

let db: Database;
let w: UpdatesWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildUpdatesWorld(db);
});
afterAll(() => db.close());

async function sentUpdate(title: string): Promise<ProjectUpdate> {
  const draft = await ok<ProjectUpdate>(db, w.lead, 'save_project_update', fields({ p_title: title }));
  return ok<ProjectUpdate>(db, w.lead, 'submit_project_update', { p_id: draft.id });
}
const published = () => ok<PublishedUpdate[]>(db, anonymous, 'published_project_updates', { p_project_slug: 'community-transport' });

describe('an officer', () => {
  it('returns an update with a note the lead reads; the lead changes it and sends it again; the officer approves it', async () => {
    const u = await sentUpdate('Returned then approved');
    await refusedWith(db, w.officer, 'moderate_project_update', { p_id: u.id, p_action: 'return', p_note: ' ' }, 400, {
      key: 'note_needed',
    });
    const before = await chainHead(db);
    const returned = await ok<ProjectUpdate>(db, w.officer, 'moderate_project_update', {
      p_id: u.id,
      p_action: 'return',
      p_note: 'Please say how many riders came.',
    });
    expect(returned).toMatchObject({ status: 'returned', note: 'Please say how many riders came.' });
    const [event] = (await eventsSince(db, before)).filter((e) => e.table_name === 'project_updates');
    expect(event).toMatchObject({
      actor: w.officer.sub,
      actor_role: 'officer',
      details: { decision: 'return', note: 'Please say how many riders came.' },
    });
    const [mail] = await db.query<{ body: string; link: string }>(
      `select body, link from private.outbox where template = 'project_update_returned' and link like '%' || $1`,
      [u.id],
    );
    expect(mail!.body).toContain('Please say how many riders came.');
    expect(mail!.link).toBe(`/projects/update/?project=community-transport&id=${u.id}`);
    expect((await published()).map((p) => p.id)).not.toContain(u.id);

    await ok(db, w.lead, 'save_project_update', fields({ p_id: u.id, p_title: 'Returned then approved', p_text: 'Twelve riders came.' }));
    await ok(db, w.lead, 'submit_project_update', { p_id: u.id });
    const approved = await ok<ProjectUpdate>(db, w.officer, 'moderate_project_update', { p_id: u.id, p_action: 'approve' });
    expect(approved).toMatchObject({ status: 'approved', note: null });
    const pub = (await published()).find((p) => p.id === u.id);
    expect(pub).toMatchObject({ title: 'Returned then approved', text: 'Twelve riders came.' });
    expect(pub).not.toHaveProperty('author_name');
    const [approvedMail] = await db.query<{ link: string }>(
      `select link from private.outbox where template = 'project_update_approved' and body like '%Returned then approved%'`,
    );
    expect(approvedMail!.link).toBe('/projects/community-transport/');
  });

  it('hides with a reason (kept, not deleted) and restores to be decided again', async () => {
    const u = await sentUpdate('Hidden then restored');
    await ok(db, w.officer, 'moderate_project_update', { p_id: u.id, p_action: 'approve' });
    await refusedWith(db, w.officer, 'moderate_project_update', { p_id: u.id, p_action: 'hide' }, 400, { key: 'reason_needed' });
    const hidden = await ok<ProjectUpdate>(db, w.officer, 'moderate_project_update', {
      p_id: u.id,
      p_action: 'hide',
      p_note: 'Names a person.',
    });
    expect(hidden).toMatchObject({ status: 'hidden', note: 'Names a person.' });
    expect((await published()).map((p) => p.id)).not.toContain(u.id);
    const restored = await ok<ProjectUpdate>(db, w.officer, 'moderate_project_update', { p_id: u.id, p_action: 'restore' });
    expect(restored.status).toBe('waiting');
    await refusedWith(db, w.officer, 'moderate_project_update', { p_id: u.id, p_action: 'restore' }, 409, { key: 'not_now' });
    await refusedWith(db, w.officer, 'moderate_project_update', { p_id: u.id, p_action: 'delete' }, 400, { key: 'unknown_action' });
    const rows = await db.query('select 1 from private.project_updates where id = $1', [u.id]);
    expect(rows).toHaveLength(1);
  });

  it('lists sent updates (never drafts) for the page and the shared moderation queue', async () => {
    const draft = await ok<ProjectUpdate>(db, w.lead, 'save_project_update', fields({ p_title: 'Still a draft' }));
    const u = await sentUpdate('In the queue');
    const waiting = await ok<ProjectUpdate[]>(db, w.officer, 'officer_project_updates', { p_status: 'waiting' });
    expect(waiting.map((x) => x.id)).toContain(u.id);
    expect(waiting.map((x) => x.id)).not.toContain(draft.id);
    await refusedWith(db, w.officer, 'officer_project_updates', { p_status: 'draft' }, 400, { key: 'unknown_status' });
    const items = await db.query<{ kind: string; id: string; status: string; link: string }>(
      'select kind, id, status, link from private.moderation_items_updates()',
    );
    expect(items.find((i) => i.id === u.id)).toEqual({
      kind: 'updates',
      id: u.id,
      status: 'waiting',
      link: `/projects/officer/?id=${u.id}`,
    });
    expect(items.map((i) => i.id)).not.toContain(draft.id);
  });

  it('names and removes leads', async () => {
    await refusedWith(db, w.officer, 'assign_project_lead', { p_project_slug: 'community-transport', p_email: 'nobody@example.org' }, 404, {
      key: 'lead_email_unknown',
    });
    await refusedWith(db, w.officer, 'assign_project_lead', { p_project_slug: 'nope', p_email: 'pu-resident-1@example.org' }, 404, {
      key: 'project_not_found',
    });
    await refusedWith(db, w.officer, 'remove_project_lead', { p_project_slug: 'community-transport', p_person_id: w.resident.sub }, 404, {
      key: 'lead_not_found',
    });
    const leads = await ok<{ slug: string; leads: { person_id: string }[] }[]>(db, w.officer, 'project_leads');
    expect(leads.find((p) => p.slug === 'community-transport')!.leads.map((l) => l.person_id)).toContain(w.lead.sub);
    expect(leads.find((p) => p.slug === 'adults-strategy')!.leads).toHaveLength(1); // the seed's demo lead
  });
});

describe('nobody else decides', () => {
  it('the lead, a resident and the signed-out are refused every officer function', async () => {
    const u = await sentUpdate('Not theirs to decide');
    for (const who of [w.lead, w.resident]) {
      await refusedWith(db, who, 'moderate_project_update', { p_id: u.id, p_action: 'approve' }, 403, { key: 'not_moderator' });
      await refusedWith(db, who, 'officer_project_updates', {}, 403, { key: 'not_officer' });
      await refusedWith(db, who, 'project_leads', {}, 403, { key: 'not_officer' });
      await refusedWith(
        db,
        who,
        'assign_project_lead',
        { p_project_slug: 'community-transport', p_email: 'pu-resident-1@example.org' },
        403,
        {
          key: 'not_officer',
        },
      );
    }
    await refusedWith(db, anonymous, 'moderate_project_update', { p_id: u.id, p_action: 'approve' }, 401);
  });
});
