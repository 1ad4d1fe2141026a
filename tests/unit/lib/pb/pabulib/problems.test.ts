// A table of broken .pb files and the plain-English problem each one must produce.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePb } from '../../../../../src/lib/pb/index.ts';
import { BASE, edit } from './pb-text.ts';

const cumulative = (votes: string) => edit({ 10: 'vote_type;cumulative', 18: 'voter_id;vote;points', 19: votes, 20: '2;b;1', 21: '3;c;2' });

const cases: Array<[string, string, string]> = [
  ['an empty file', '', 'Line 1: the file is empty. A .pb file has three sections: META, PROJECTS and VOTES.'],
  [
    'a comma as the decimal point',
    edit({ 14: 'a;1,5;Park' }),
    "Line 14, field 'cost': '1,5' uses a comma as the decimal point; use a dot, like 1.5.",
  ],
  [
    'commas grouping thousands',
    edit({ 9: 'budget;1,000' }),
    "Line 9, field 'budget': '1,000' uses commas to group thousands; write it without them, like 1000.",
  ],
  [
    'a word for a cost',
    edit({ 15: 'b;three hundred;Library' }),
    "Line 15, field 'cost': 'three hundred' is not a number; write it with digits and a dot for decimals, like 1500 or 1500.50.",
  ],
  [
    'a currency sign',
    edit({ 15: 'b;£300;Library' }),
    "Line 15, field 'cost': '£300' is not a plain number; leave out currency signs, units and spaces, like 1500 or 1500.50.",
  ],
  ['a negative cost', edit({ 16: 'c;-200;Benches' }), "Line 16, field 'cost': '-200' is negative; it must be 0 or more."],
  ['an empty cost', edit({ 16: 'c;;Benches' }), "Line 16, field 'cost': this is empty; it needs a number, like 1500."],
  [
    'a missing VOTES section',
    BASE.slice(0, 16).join('\n'),
    'Line 16: the file has no VOTES section. A .pb file needs a VOTES section (one line per voter, with voter_id and vote).',
  ],
  [
    'a missing PROJECTS section',
    edit({ 12: null, 13: null, 14: null, 15: null, 16: null }),
    'Line 16: the file has no PROJECTS section. A .pb file needs a PROJECTS section (one line per project, with project_id and cost).',
  ],
  [
    'text before META',
    `Participatory budgeting results\n${edit({})}`,
    "Line 1: expected the file to start with a line saying META, but found 'Participatory budgeting results'.",
  ],
  [
    'a colon instead of a semicolon in META',
    edit({ 11: 'rule: greedy' }),
    "Line 11: expected a key and a value separated by ';', but found 'rule: greedy' (use a semicolon, like 'rule;greedy').",
  ],
  ['a missing budget', edit({ 9: null }), "Line 1: META is missing 'budget' (the total amount to spend)."],
  [
    'an unknown vote type',
    edit({ 10: 'vote_type;yes-no' }),
    "Line 10, field 'vote_type': 'yes-no' is not a vote type this format knows; use one of approval, ordinal, cumulative, scoring, choose-1.",
  ],
  ['a fractional vote count', edit({ 8: 'num_votes;3.5' }), "Line 8, field 'num_votes': '3.5' must be a whole number."],
  [
    'more projects than META says',
    edit({ 7: 'num_projects;2' }),
    'Line 12: META says num_projects is 2, but the PROJECTS section lists 3 projects.',
  ],
  ['fewer votes than META says', edit({ 8: 'num_votes;4' }), 'Line 17: META says num_votes is 4, but the VOTES section has 3 votes.'],
  ['a vote for an unknown project', edit({ 20: '2;b,z' }), "Line 20, field 'vote': project 'z' is not in the PROJECTS section."],
  [
    'a duplicate voter',
    edit({ 21: '1;c' }),
    "Line 21, field 'voter_id': voter '1' appears twice (first on line 19); each person votes once.",
  ],
  ['a duplicate project', edit({ 16: 'a;200;Benches' }), "Line 16, field 'project_id': project 'a' is listed twice (first on line 14)."],
  [
    'a project chosen twice in one vote',
    edit({ 19: '1;a,b,a' }),
    "Line 19, field 'vote': project 'a' is chosen more than once in the same vote.",
  ],
  [
    'a row with too many values',
    edit({ 15: 'b;300;Library;extra' }),
    'Line 15: this line has 4 values, but the header on line 13 names 3 columns.',
  ],
  [
    'a projects header without cost',
    edit({ 13: 'project_id;price;name' }),
    "Line 13: the PROJECTS header has no 'cost' column; it lists: project_id, price, name.",
  ],
  ['a wrong META header', edit({ 2: 'name;setting' }), "Line 2: the META header row should be 'key;value', not 'name;setting'."],
  [
    'a second VOTES section',
    `${edit({})}\nVOTES\nvoter_id;vote\n4;a`,
    'Line 22: a second VOTES section starts here; a file has exactly one of each.',
  ],
  [
    'a quote that is never closed',
    edit({ 15: 'b;300;"Library' }),
    'Line 15: a value opens a quote (") that is never closed; add the closing quote at the end of the value.',
  ],
  [
    'cumulative votes without points',
    edit({ 10: 'vote_type;cumulative' }),
    "Line 18: the VOTES header has no 'points' column; it lists: voter_id, vote.",
  ],
  [
    'points that do not match the projects',
    cumulative('1;a,b;3'),
    "Line 19, field 'points': there are 1 points values for 2 projects; give one number per project, in the same order.",
  ],
  ['negative cumulative points', cumulative('1;a,b;3,-1'), "Line 19, field 'points': '-1' is negative; it must be 0 or more."],
  [
    'a choose-1 vote naming two projects',
    edit({ 10: 'vote_type;choose-1', 20: '2;b', 19: '1;a,b' }),
    "Line 19, field 'vote': this is a choose-1 vote, but it names 2 projects.",
  ],
  [
    'an age that is not a number',
    edit({ 18: 'voter_id;age;vote', 19: '1;forty;a,b', 20: '2;30;b', 21: '3;;c' }),
    "Line 19, field 'age': 'forty' is not a number; write it with digits and a dot for decimals, like 1500 or 1500.50.",
  ],
];

describe('parsePb explains bad files', () => {
  it.each(cases)('%s', (_name, text, message) => {
    const result = parsePb(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toContain(message);
  });

  it('gives the line and field as data too', () => {
    const result = parsePb(edit({ 14: 'a;1,5;Park' }));
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 14, field: 'cost', message: "Line 14, field 'cost': '1,5' uses a comma as the decimal point; use a dot, like 1.5." },
      ],
    });
  });

  it('reports every problem, not just the first', () => {
    const result = parsePb(edit({ 14: 'a;1,5;Park', 20: '2;z' }));
    expect(result.ok ? [] : result.problems.map((p) => p.line)).toEqual([14, 20]);
  });

  it('accepts the base file', () => {
    expect(parsePb(edit({})).ok).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    const pieces = fc.constantFrom(
      'META',
      'PROJECTS',
      'VOTES',
      'key;value',
      'budget;',
      '"',
      ';',
      ',',
      '\n',
      '\r\n',
      'a;1',
      '1;a,b',
      'vote_type;cumulative',
      'num_votes;x',
      ' ',
      '""',
      'points',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((xs) => xs.join('')),
        ),
        (text) => {
          const result = parsePb(text);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) for (const p of result.problems) expect(p.message).toMatch(/^Line \d+/);
        },
      ),
      { numRuns: 2000 },
    );
    expect(parsePb(undefined).ok).toBe(false);
    expect(parsePb(42 as unknown).ok).toBe(false);
  });
});
