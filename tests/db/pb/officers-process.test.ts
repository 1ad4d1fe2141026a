// Setting a process up: its settings (checked, and fixed once voting starts), phase dates,
// wards and categories, and who runs it. Bad input is a 4xx with a key and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { openTestDatabase } from '../../support/db.ts';
import { addProposal, buildOfficerWorld, chainHead, eventsSince, ok, refused, type OfficerWorld } from './officer-world.ts';

let db: Database;
let w: OfficerWorld;
beforeAll(async () => {
  db = await openTestDatabase();
  w = await buildOfficerWorld(db, 'draft');
});
afterAll(() => db.close());

const create = (extra: Record<string, unknown>) => ({
  p_title: 'A chest',
  p_slug: `a-chest-${w.tag}`,
  p_area: 'Oxford',
  p_budget: 1000,
  ...extra,
});

describe('creating a process', () => {
  it('starts in draft with the defaults, the creator as officer, and audit events for both rows', async () => {
    const before = await chainHead(db);
    const made = await ok(
      db,
      w.actors.officer,
      'pb_create_process',
      create({ p_slug: `fresh-${w.tag}`, p_postcode_prefixes: ['ox4', 'OX4 4'], p_eligibility: ['postcode', 'voting_code'] }),
    );
    expect(made).toMatchObject({
      phase: 'draft',
      rule: 'equal-shares',
      currency: 'GBP',
      min_projects: 1,
      max_projects: null,
      rule_options: { completion: 'add1u', compareWithGreedy: true, seed: 1 },
      postcode_prefixes: ['OX4', 'OX44'],
      eligibility: ['voting_code', 'postcode'],
    });
    const events = await eventsSince(db, before);
    expect(events.map((e) => [e.table_name, e.action, e.actor, e.actor_role])).toEqual([
      ['pb_processes', 'insert', w.person.officer, 'pb_officer'],
      ['pb_process_officers', 'insert', w.person.officer, 'pb_officer'],
    ]);
  });

  it('refuses bad input with a key, writing nothing', async () => {
    const o = w.actors.officer;
    await refused(db, o, 'pb_create_process', create({ p_title: '  ' }), 400, 'required');
    await refused(db, o, 'pb_create_process', create({ p_title: 'x'.repeat(121) }), 400, 'too_long');
    await refused(db, o, 'pb_create_process', create({ p_description: 'x'.repeat(100000) }), 400, 'too_long');
    await refused(db, o, 'pb_create_process', create({ p_slug: 'Not A Slug!' }), 400, 'bad_slug');
    await refused(db, o, 'pb_create_process', create({ p_slug: `test-chest-${w.tag}` }), 409, 'slug_taken');
    await refused(db, o, 'pb_create_process', create({ p_budget: -5 }), 400, 'amount_out_of_range');
    await refused(db, o, 'pb_create_process', create({ p_budget: 'lots' }), 400);
    await refused(db, o, 'pb_create_process', create({ p_currency: 'pounds' }), 400, 'bad_currency');
    await refused(db, o, 'pb_create_process', create({ p_rule: 'lottery' }), 400, 'bad_rule');
    await refused(db, o, 'pb_create_process', create({ p_rule_options: { completion: 'add2' } }), 400, 'bad_rule_option');
    await refused(db, o, 'pb_create_process', create({ p_rule_options: { compareWithGreedy: 'yes' } }), 400, 'bad_rule_option');
    await refused(db, o, 'pb_create_process', create({ p_rule_options: { seed: 1.5 } }), 400, 'bad_rule_option');
    await refused(db, o, 'pb_create_process', create({ p_rule_options: { minVotes: -1 } }), 400, 'bad_rule_option');
    await refused(db, o, 'pb_create_process', create({ p_rule_options: { seeed: 1 } }), 400, 'unknown_rule_option');
    await refused(db, o, 'pb_create_process', create({ p_rule_options: [1] }), 400, 'bad_rule_options');
    await refused(db, o, 'pb_create_process', create({ p_min_projects: -1 }), 400, 'bad_limits');
    await refused(db, o, 'pb_create_process', create({ p_min_projects: 3, p_max_projects: 2 }), 400, 'bad_limits');
    await refused(db, o, 'pb_create_process', create({ p_eligibility: [] }), 400, 'required');
    await refused(db, o, 'pb_create_process', create({ p_eligibility: ['passport'] }), 400, 'bad_eligibility');
    await refused(db, o, 'pb_create_process', create({ p_postcode_prefixes: ['SW1A 1AA'] }), 400, 'bad_postcode_prefix');
  });

  it('takes every counting option the engine knows', async () => {
    const made = await ok(
      db,
      w.actors.officer,
      'pb_create_process',
      create({
        p_slug: `opts-${w.tag}`,
        p_rule_options: {
          completion: 'none',
          compareWithGreedy: false,
          seed: 7,
          minVotes: 3,
          minShareK: 2,
          exhaustiveStop: false,
          addOneStep: 0.5,
        },
      }),
    );
    expect(made.rule_options).toEqual({
      completion: 'none',
      compareWithGreedy: false,
      seed: 7,
      minVotes: 3,
      minShareK: 2,
      exhaustiveStop: false,
      addOneStep: 0.5,
    });
  });
});

describe('editing a process', () => {
  it('changes only what is given; 0 removes the maximum', async () => {
    const before = await chainHead(db);
    const v = await ok(db, w.actors.officer, 'pb_update_process', {
      p_process_id: w.processId,
      p_title: 'Renamed chest',
      p_budget: 120000,
      p_max_projects: 0,
    });
    expect(v).toMatchObject({ title: 'Renamed chest', budget: 120000, max_projects: null, area: 'Oxford' });
    const [event] = await eventsSince(db, before);
    expect(event).toMatchObject({ table_name: 'pb_processes', action: 'update', actor: w.person.officer });
    expect(event!.old_values?.title).toMatch(/^Test chest/);
    expect(event!.new_values?.title).toBe('Renamed chest');
  });

  it('refuses bad edits, writing nothing', async () => {
    await refused(
      db,
      w.actors.officer,
      'pb_update_process',
      { p_process_id: w.processId, p_rule_options: { foo: 1 } },
      400,
      'unknown_rule_option',
    );
    await refused(
      db,
      w.actors.officer,
      'pb_update_process',
      { p_process_id: w.processId, p_min_projects: 9, p_max_projects: 3 },
      400,
      'bad_limits',
    );
    await refused(
      db,
      w.actors.officer,
      'pb_update_process',
      { p_process_id: w.processId, p_slug: `other-chest-${w.tag}` },
      409,
      'slug_taken',
    );
    await refused(db, w.actors.officer, 'pb_update_process', { p_process_id: 'not-a-uuid' }, 400);
  });

  it('fixes the budget, rule, limits and who may vote once voting starts, but not the words', async () => {
    const v = await buildOfficerWorld(db, 'voting');
    for (const change of [
      { p_budget: 1 },
      { p_rule: 'greedy' },
      { p_rule_options: { seed: 2 } },
      { p_min_projects: 0 },
      { p_max_projects: 3 },
      { p_eligibility: ['postcode'] },
      { p_postcode_prefixes: ['OX1'] },
      { p_currency: 'EUR' },
    ]) {
      await refused(db, v.actors.officer, 'pb_update_process', { p_process_id: v.processId, ...change }, 409, 'locked_once_voting');
    }
    const changed = await ok(db, v.actors.officer, 'pb_update_process', {
      p_process_id: v.processId,
      p_description: 'Now with a description.',
    });
    expect(changed.description).toBe('Now with a description.');
  });
});

describe('dates, wards, categories and officers', () => {
  it('sets and replaces a phase’s dates; refuses an end before the start and unknown phases', async () => {
    await ok(db, w.actors.officer, 'pb_set_phase_dates', {
      p_process_id: w.processId,
      p_phase: 'voting',
      p_starts_at: '2027-03-01T09:00:00Z',
      p_ends_at: '2027-03-21T17:00:00Z',
    });
    const v = await ok(db, w.actors.officer, 'pb_set_phase_dates', {
      p_process_id: w.processId,
      p_phase: 'voting',
      p_starts_at: '2027-03-02T09:00:00Z',
      p_ends_at: null,
    });
    expect(v.phases).toEqual([{ phase: 'voting', starts_at: '2027-03-02T09:00:00+00:00', ends_at: null }]);
    await refused(
      db,
      w.actors.officer,
      'pb_set_phase_dates',
      { p_process_id: w.processId, p_phase: 'voting', p_starts_at: '2027-03-02T09:00:00Z', p_ends_at: '2027-03-01T09:00:00Z' },
      400,
      'ends_before_start',
    );
    await refused(db, w.actors.officer, 'pb_set_phase_dates', { p_process_id: w.processId, p_phase: 'party' }, 400, 'unknown_phase');
    await refused(db, w.actors.officer, 'pb_set_phase_dates', { p_process_id: w.processId, p_phase: 'voting', p_starts_at: 'soon' }, 400);
  });

  it('adds wards, categories and polling stations by one rule: a name needed, trimmed, unique in the process in any case', async () => {
    const o = w.actors.officer;
    for (const fn of ['pb_add_ward', 'pb_add_category', 'pb_add_station']) {
      const added = await ok(db, o, fn, { p_process_id: w.processId, p_name: '  Kidlington  ' });
      expect(added).toMatchObject({ name: 'Kidlington' });
      await refused(db, o, fn, { p_process_id: w.processId, p_name: 'KIDLINGTON' }, 409, 'name_taken');
      await refused(db, o, fn, { p_process_id: w.processId, p_name: '   ' }, 400, 'required');
      await refused(db, w.actors.resident, fn, { p_process_id: w.processId, p_name: 'Yarnton' }, 403);
    }
  });

  it('adds, renames and removes wards and categories; names are unique; used ones stay', async () => {
    const o = w.actors.officer;
    const ward = await ok(db, o, 'pb_add_ward', { p_process_id: w.processId, p_name: 'Jericho' });
    await refused(db, o, 'pb_add_ward', { p_process_id: w.processId, p_name: 'jericho' }, 409, 'name_taken');
    await refused(db, o, 'pb_add_category', { p_process_id: w.processId, p_name: 'x'.repeat(5000) }, 400, 'too_long');
    expect(await ok(db, o, 'pb_rename_choice', { p_kind: 'ward', p_id: ward.id, p_name: 'Jericho and Osney' })).toEqual({
      id: ward.id,
      name: 'Jericho and Osney',
    });
    await refused(db, o, 'pb_rename_choice', { p_kind: 'ward', p_id: ward.id, p_name: 'Carfax' }, 409, 'name_taken');
    await refused(db, o, 'pb_rename_choice', { p_kind: 'street', p_id: ward.id, p_name: 'x' }, 400, 'bad_kind');
    await addProposal(db, { ...w, wardId: ward.id }, w.person.resident, 99, 500);
    await refused(db, o, 'pb_remove_choice', { p_kind: 'ward', p_id: ward.id }, 409, 'choice_in_use');
    const spare = await ok(db, o, 'pb_add_category', { p_process_id: w.processId, p_name: 'Spare' });
    const before = await chainHead(db);
    await ok(db, o, 'pb_remove_choice', { p_kind: 'category', p_id: spare.id });
    expect((await eventsSince(db, before)).map((e) => [e.table_name, e.action])).toEqual([['pb_categories', 'delete']]);
  });

  it('adds council officers only, and never removes the last one', async () => {
    const o = w.actors.officer;
    await refused(db, o, 'pb_add_officer', { p_process_id: w.processId, p_person_id: w.person.resident }, 409, 'not_an_officer');
    await refused(
      db,
      o,
      'pb_add_officer',
      { p_process_id: w.processId, p_person_id: '00000000-0000-4000-8000-00000000dead' },
      404,
      'person_not_found',
    );
    await refused(db, o, 'pb_remove_officer', { p_process_id: w.processId, p_person_id: w.person.officer }, 409, 'last_officer');
    const officers = await ok(db, o, 'pb_add_officer', { p_process_id: w.processId, p_person_id: w.person.otherOfficer });
    expect(officers.map((x: { person_id: string }) => x.person_id).sort()).toEqual([w.person.officer, w.person.otherOfficer].sort());
    // Now the other officer runs it too, and may remove the first.
    await ok(db, w.actors.otherOfficer, 'pb_turnout', { p_process_id: w.processId });
    await ok(db, w.actors.otherOfficer, 'pb_remove_officer', { p_process_id: w.processId, p_person_id: w.person.officer });
    await refused(db, o, 'pb_turnout', { p_process_id: w.processId }, 403, 'not_process_officer');
    await ok(db, w.actors.otherOfficer, 'pb_add_officer', { p_process_id: w.processId, p_person_id: w.person.officer });
  });
});
