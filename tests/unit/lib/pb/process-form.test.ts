import { describe, expect, it } from 'vitest';
import { checkProcessForm, emptyProcessForm, slugFrom } from '../../../../src/lib/pb/process-form';
import { codesCsv, codesFileName } from '../../../../src/lib/pb/codes-sheet';
import { refusalWords } from '../../../../src/lib/pb/officer-refusal-words';
import { refusalField } from '../../../../src/lib/pb/refusal-words';

const good = {
  ...emptyProcessForm(),
  title: 'Community Chest 2028',
  slug: 'community-chest-2028',
  area: 'Oxfordshire',
  budget: '£280,000',
};

describe('checkProcessForm', () => {
  it('turns a good form into the arguments, keeping options the form does not show', () => {
    const { errors, args } = checkProcessForm(
      { ...good, maxProjects: '5', eligibility: ['voting_code', 'postcode'], postcodes: 'ox4, OX44 ox4' },
      { seed: 7 },
    );
    expect(errors).toEqual([]);
    expect(args).toMatchObject({
      p_budget: 280000,
      p_min_projects: 1,
      p_max_projects: 5,
      p_postcode_prefixes: ['OX4', 'OX44'],
      p_rule_options: { seed: 7, completion: 'add1u', compareWithGreedy: true },
    });
  });

  it('sends 0 for no maximum', () => {
    expect(checkProcessForm(good).args?.p_max_projects).toBe(0);
  });

  it('names each mistake with its box', () => {
    const { errors, args } = checkProcessForm({
      ...emptyProcessForm(),
      slug: 'Bad Slug',
      budget: '-5',
      minProjects: '3',
      maxProjects: '2',
      eligibility: [],
      postcodes: 'OXFORD',
    });
    expect(args).toBeUndefined();
    expect(errors.map((e) => e.id)).toEqual([
      'process-title',
      'process-slug',
      'process-area',
      'process-budget',
      'process-max',
      'process-eligibility-code',
      'process-postcodes',
    ]);
  });

  it('refuses limits out of range', () => {
    expect(checkProcessForm({ ...good, minProjects: '101' }).errors.map((e) => e.id)).toEqual(['process-min']);
    expect(checkProcessForm({ ...good, maxProjects: '1.5' }).errors.map((e) => e.id)).toEqual(['process-max']);
    // Typing 0 is a mistake: no limit is an empty box (the database's 0).
    expect(checkProcessForm({ ...good, maxProjects: '0' }).errors.map((e) => e.id)).toEqual(['process-max']);
  });
});

describe('slugFrom', () => {
  it('makes a web name from a title', () => expect(slugFrom('  Didcot & Villages: 2026! ')).toBe('didcot-villages-2026'));
});

describe('codes sheet', () => {
  it('has one row per code with where to vote', () => {
    const csv = codesCsv(
      { title: 'Chest', slug: 'chest' },
      { label: 'Letters A', codes: ['AAAA-BBBB-CCCC', 'DDDD-EEEE-FFFF'] },
      'https://x.org',
    );
    expect(csv.split('\r\n')).toEqual([
      'process,batch,code,vote_at',
      'Chest,Letters A,AAAA-BBBB-CCCC,https://x.org/budgeting/vote/?p=chest',
      'Chest,Letters A,DDDD-EEEE-FFFF,https://x.org/budgeting/vote/?p=chest',
      '',
    ]);
    expect(codesFileName('chest', 'Letters: A!')).toBe('voting-codes-chest-letters-a.csv');
  });
});

describe('refusal words', () => {
  it('chooses words by key, not by the database English', () => {
    expect(refusalWords({ key: 'slug_taken', message: 'Another process already uses the web name "x".' })).toMatch(
      /^Another process already uses that web name/,
    );
    expect(refusalWords({ message: 'We could not reach the server.' })).toBe('We could not reach the server.');
    expect(refusalField({ field: 'rule_options:seed' })).toBe('rule_options');
  });
});
