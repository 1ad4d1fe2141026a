// The propose form's checks: the same limits as the database, a cost people can type, the pages
// a process asks, and refusals put by their field by key.
import { describe, expect, it } from 'vitest';
import {
  answersFrom,
  checkAll,
  checkStep,
  costProblem,
  EMPTY_ANSWERS,
  fieldOfRefusal,
  firstStepWithProblem,
  LIMITS,
  nextPage,
  previousPage,
  stepsFor,
  toApiFields,
  type Answers,
} from '../../../../src/lib/pb/proposal-form';
import { explainProposalRefusal, refusalWords } from '../../../../src/lib/pb/proposal-refusals';

const WARDS = [{ id: 'w1' }, { id: 'w2' }];
const CATS = [{ id: 'c1' }];
const ctx = { budget: 50000, wards: WARDS, categories: CATS };
const good: Answers = {
  title: 'Benches',
  summary: 'Two benches.',
  details: 'Benches by the pond.',
  beneficiaries: '',
  cost: '£1,250.50',
  ward: 'w1',
  category: 'c1',
};

describe('question pages', () => {
  it('asks every page in order, and skips ward and category when the process lists none', () => {
    expect(stepsFor(ctx)).toEqual(['title', 'details', 'beneficiaries', 'cost', 'ward', 'category']);
    expect(stepsFor({ ...ctx, wards: [], categories: [] })).toEqual(['title', 'details', 'beneficiaries', 'cost']);
    expect(nextPage('cost', { ...ctx, wards: [], categories: [] })).toBe('check');
    expect(nextPage('cost', ctx)).toBe('ward');
    expect(nextPage('category', ctx)).toBe('check');
    expect(previousPage('title', ctx)).toBeUndefined();
    expect(previousPage('ward', ctx)).toBe('cost');
  });

  it('accepts good answers on every page', () => {
    for (const step of stepsFor(ctx)) expect(checkStep(step, good, ctx), step).toEqual({});
    expect(checkAll(good, ctx)).toEqual({});
  });

  it('refuses empty answers where one is needed, but not who benefits', () => {
    expect(checkStep('title', EMPTY_ANSWERS, ctx)).toEqual({ title: 'Enter a title for your project', summary: 'Enter a short summary' });
    expect(checkStep('title', { ...good, title: '   ' }, ctx)).toEqual({ title: 'Enter a title for your project' });
    expect(checkStep('details', EMPTY_ANSWERS, ctx)).toEqual({ details: 'Enter what your project would do' });
    expect(checkStep('beneficiaries', EMPTY_ANSWERS, ctx)).toEqual({});
    expect(checkStep('ward', EMPTY_ANSWERS, ctx).ward).toMatch(/Choose the part/);
    expect(checkStep('category', EMPTY_ANSWERS, ctx).category).toMatch(/Choose the kind/);
  });

  it('refuses text over the database limits, and takes text at them', () => {
    for (const [field, max] of Object.entries(LIMITS)) {
      expect(checkAll({ ...good, [field]: 'x'.repeat(max) }, ctx), field).toEqual({});
      expect(checkAll({ ...good, [field]: 'x'.repeat(max + 1) }, ctx)[field as keyof Answers], field).toMatch(/characters or fewer/);
    }
  });

  it('takes "the whole area" as a ward, but no ward or category of another process', () => {
    expect(checkStep('ward', { ...good, ward: 'none' }, ctx)).toEqual({});
    expect(checkStep('ward', { ...good, ward: 'elsewhere' }, ctx).ward).toBeDefined();
    expect(checkStep('category', { ...good, category: 'w1' }, ctx).category).toBeDefined();
  });

  it('finds the first page with a problem, to go back to', () => {
    const errors = checkAll({ ...good, cost: '', category: '' }, ctx);
    expect(Object.keys(errors).sort()).toEqual(['category', 'cost']);
    expect(firstStepWithProblem(errors, ctx)).toBe('cost');
  });
});

describe('the cost', () => {
  it.each([
    ['', /Enter roughly/],
    ['lots', /as a number/],
    ['1e5', /as a number/],
    ['£', /as a number/],
    ['-50', /more than £0/],
    ['0', /more than £0/],
    ['10.005', /pounds and pence/],
    ['50000.01', /whole budget of £50,000/],
    ['1,000,000', /whole budget/],
  ])('refuses %j', (typed, words) => expect(costProblem(typed, 50000)).toMatch(words));

  it.each(['2500', '£2,500', '2 500', '2500.50', ' 50000 ', '0.01'])('takes %j', (typed) =>
    expect(costProblem(typed, 50000)).toBeUndefined(),
  );
});

describe('sending', () => {
  it('sends trimmed answers, pounds as a number, and no ward for the whole area', () => {
    expect(toApiFields({ ...good, title: ' Benches ', ward: 'none', beneficiaries: '  ' })).toEqual({
      p_title: 'Benches',
      p_summary: 'Two benches.',
      p_details: 'Benches by the pond.',
      p_beneficiaries: null,
      p_estimated_cost: 1250.5,
      p_ward_id: null,
      p_category_id: 'c1',
    });
  });

  it('edits a proposal from its saved answers', () => {
    const a = answersFrom({
      title: 'T',
      summary: 'S',
      details: 'D',
      beneficiaries: '',
      estimated_cost: 900,
      ward: null,
      category: { id: 'c1' },
    });
    expect(a).toEqual({ title: 'T', summary: 'S', details: 'D', beneficiaries: '', cost: '900', ward: 'none', category: 'c1' });
    expect(checkAll(a, ctx)).toEqual({});
  });
});

describe('refusals from the database', () => {
  it('puts each by its field, by its key and facts', () => {
    expect(fieldOfRefusal('estimated_cost')).toBe('cost');
    expect(fieldOfRefusal('proposal_id')).toBeUndefined();
    expect(explainProposalRefusal({ key: 'too_long', field: 'title', facts: { max: 120, length: 130 }, message: 'x' })).toEqual({
      field: 'title',
      message: 'The title must be 120 characters or fewer',
    });
    expect(explainProposalRefusal({ key: 'cost_over_budget', field: 'estimated_cost', facts: { budget: 280000 }, message: 'x' })).toEqual({
      field: 'cost',
      message: 'A project cannot cost more than the whole budget of £280,000',
    });
    expect(explainProposalRefusal({ key: 'category_not_found', field: 'category_id', message: 'x' })).toEqual({
      field: 'category',
      message: 'Choose one of the categories listed.',
    });
    expect(explainProposalRefusal({ key: 'proposal_not_editable', field: 'proposal_id', message: 'x' }).field).toBeUndefined();
  });

  it('uses the key, never the English, and falls back to the message only for an unknown key', () => {
    expect(refusalWords({ key: 'required', message: 'anything at all' })).toBe('This is needed: please fill it in.');
    expect(refusalWords({ key: 'no_such_key', message: 'The database said so.' })).toBe('The database said so.');
  });
});
