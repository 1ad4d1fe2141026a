// Why a project was not funded, and how the words change with what the result contains: with or
// without each voter's payments and the ballots, under Equal Shares or when greedy was kept.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { count, countEqualShares, parsePb, pbToElection } from '../../../../../src/lib/pb/index.ts';
import { explainResult } from '../../../../../src/lib/pb/explain/index.ts';
import { approvalElection } from '../helpers.ts';

describe('a project whose supporters spent their shares on other projects', () => {
  // Budget £100, 3 voters, £33.33 each. All three vote for X (£30) and Z (£80). X has 3
  // effective votes at £10 each and goes first; then they have £70 left between them, < £80.
  const { instance, profile } = approvalElection(100, { X: 30, Z: 80 }, ['XZ', 'XZ', 'XZ']);
  const names = { X: 'Library books', Z: 'Skate park' };

  it('gives the exact sum left when it has the ballots and the payments', () => {
    const result = countEqualShares(instance, profile, { completion: 'none', includeVoterDetails: true });
    expect(result.winners).toEqual(['X']);
    expect(explainResult({ result, names, ballots: profile }).notFunded[0]?.sentences).toEqual([
      'Its 3 supporters started with £100 between them. That would have been enough.',
      'But they had also voted for Library books, and helped pay for it.',
      'After that they had £70 left between them, not enough for its £80 cost.',
    ]);
  });

  it('says only what follows from the rule when the result has no payments', () => {
    const result = countEqualShares(instance, profile, { completion: 'none' });
    expect(result.voterDetails).toBeUndefined();
    expect(explainResult({ result, names }).notFunded[0]?.sentences).toEqual([
      'Its 3 supporters started with £100 between them. That would have been enough.',
      'But they had also voted for projects that were funded, and helped pay for those.',
      'What they had left between them was not enough for its £80 cost.',
    ]);
  });
});

describe('money left that Equal Shares does not spend', () => {
  it('says why, when there is no greedy fill', () => {
    // Budget £100, 2 voters, £50 each. Only v1 votes for A (£40), which v1 pays alone. B (£60)
    // has one supporter with £50: not enough, though £60 of the budget is left.
    const { instance, profile } = approvalElection(100, { A: 40, B: 60 }, ['A', 'B']);
    const result = countEqualShares(instance, profile, { completion: 'none' });
    expect(result.winners).toEqual(['A']);
    expect(explainResult({ result }).notFunded[0]?.sentences).toEqual([
      'Its only supporter had a share of £50.',
      'That is not enough for its £60 cost.',
      "£60 of the budget is left, but Equal Shares only spends a voter's share on projects that voter chose.",
    ]);
  });
});

describe('when more voters prefer greedy', () => {
  // From the engine's comparison test: greedy funds B and A; Equal Shares would fund B and C.
  const { instance, profile } = approvalElection(100, { A: 60, B: 40, C: 40 }, ['AB', 'AB', 'AB', 'C', 'C']);
  const result = countEqualShares(instance, profile, { completion: 'add1', exhaustiveStop: false, compareWithGreedy: true });
  const explained = explainResult({ result, names: { A: 'Allotments', B: 'Bus shelter', C: 'Cafe' } });

  it('explains greedy’s outcome, with no shares', () => {
    expect(explained.rule).toBe('greedy');
    expect(explained.share).toEqual([
      'There were 5 voters and a budget of £100.',
      'The projects were chosen by most votes first, so voters did not have shares to spend.',
      'Split equally, the budget would give each voter £20.',
    ]);
    expect(explained.payments.map((p) => p.sentences[1])).toEqual([
      'In order of votes, most first, it still fitted in what was left of the budget.',
      'In order of votes, most first, it still fitted in what was left of the budget.',
    ]);
    expect(explained.notFunded[0]?.sentences).toEqual([
      'Projects were taken in order of votes, most first.',
      'When its turn came, £0 was left, not enough for its £40 cost.',
    ]);
  });

  it('says greedy was kept because more voters were better off with it', () => {
    expect(explained.comparison?.sentences.slice(2)).toEqual([
      '2 voters would get more of the projects they voted for with Equal Shares. 3 voters would get more with most votes first.',
      'More voters were better off with most votes first, so its projects are the ones funded.',
    ]);
  });
});

describe('the example .pb file', () => {
  const parsed = parsePb(readFileSync('tests/unit/lib/pb/fixtures/example.pb', 'utf8'));
  if (!parsed.ok) throw new Error('fixture does not parse');
  const election = pbToElection(parsed.value);
  if (!election.ok) throw new Error('fixture does not convert');
  const { instance, profile } = election.value;
  const result = count(instance, profile, { compareWithGreedy: true, includeVoterDetails: true });
  const explained = explainResult({ result, ballots: profile });

  it('names projects from the file and says every funded one was paid for in full', () => {
    expect(explained.funded.projects.map((p) => p.name)).toEqual(
      result.winners.map((id) => instance.projects.find((p) => p.id === id)?.name),
    );
    const total = explained.funded.projects.reduce((sum, p) => sum + p.cost, 0);
    expect(total).toBe(result.spent.value);
    expect(explained.funded.sentences[0]).toBe(
      `${result.winners.length} projects were funded, costing £${total.toLocaleString('en-GB')} of the £10,000 budget.`,
    );
  });

  it('gives every project that was not funded a reason, most votes first', () => {
    const notFunded = result.projects.filter((p) => p.status !== 'funded');
    expect(explained.notFunded.map((r) => r.projectId).sort()).toEqual(notFunded.map((p) => p.projectId).sort());
    for (const r of explained.notFunded) expect(r.sentences.length).toBeGreaterThan(0);
    const votes = explained.notFunded.map((r) => r.votes);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
  });
});
