// What the reader forgives, and how one problem must not cause false reports elsewhere:
// a trailing ';' on header or data lines, and ids on rows that have other problems.

import { describe, expect, it } from 'vitest';
import { parsePb } from '../../../../../src/lib/pb/index.ts';
import { BASE, edit } from './pb-text.ts';

const messages = (text: string) => {
  const result = parsePb(text);
  return result.ok ? [] : result.problems.map((p) => p.message);
};

describe('a trailing semicolon', () => {
  it('is accepted on the PROJECTS and VOTES headers, whether or not the rows have one too', () => {
    // Header lines 13 and 18 end in ';'; rows 14 and 19 do too, rows 15, 16, 20 and 21 do not.
    const text = edit({ 13: 'project_id;cost;name;', 14: 'a;500;Park;', 18: 'voter_id;vote;', 19: '1;a,b;' });
    const result = parsePb(text);
    expect(result).toEqual(parsePb(BASE.join('\n')));
    expect(result.ok).toBe(true);
  });

  it('is accepted on data rows without one on the header', () => {
    expect(parsePb(edit({ 14: 'a;500;Park;', 19: '1;a,b;' }))).toEqual(parsePb(BASE.join('\n')));
  });

  it('does not count as a column when a row is short', () => {
    // The header names three columns (project_id, cost, name); the trailing ';' adds none.
    expect(messages(edit({ 13: 'project_id;cost;name;', 15: 'b;300' }))).toEqual([
      'Line 15: this line has 2 values, but the header on line 13 names 3 columns.',
    ]);
  });
});

describe('ids on rows with other problems', () => {
  it('still count as projects, so votes for them are not reported as unknown', () => {
    // Line 15 has one value too many and line 16 a bad cost; votes on lines 19–21 name a, b
    // and c. Only the two real problems are reported, not "project 'b' is not in PROJECTS".
    expect(messages(edit({ 15: 'b;300;Library;extra', 16: 'c;1,5;Benches' }))).toEqual([
      'Line 15: this line has 4 values, but the header on line 13 names 3 columns.',
      "Line 16, field 'cost': '1,5' uses a comma as the decimal point; use a dot, like 1.5.",
    ]);
  });

  it('are still checked for duplicates', () => {
    expect(messages(edit({ 15: 'a;300;Library;extra' }))).toContain(
      "Line 15, field 'project_id': project 'a' is listed twice (first on line 14).",
    );
  });
});

describe('independent problems are reported together', () => {
  it('a META problem does not hide problems in the votes', () => {
    // No description (line 3 removed, so every later line moves up by one), voter 1 twice
    // (lines 18 and 20) and a vote for a project 'z' that does not exist (line 19).
    expect(messages(edit({ 3: null, 20: '2;z', 21: '1;c' }))).toEqual([
      "Line 1: META is missing 'description' (a short description of the vote).",
      "Line 19, field 'vote': project 'z' is not in the PROJECTS section.",
      "Line 20, field 'voter_id': voter '1' appears twice (first on line 18); each person votes once.",
    ]);
  });

  it('votes are still checked when the vote type cannot be read, and counts still compared', () => {
    expect(messages(edit({ 8: 'num_votes;4', 10: 'vote_type;yes-no', 20: '2;z' }))).toEqual([
      "Line 10, field 'vote_type': 'yes-no' is not a vote type this format knows; use one of approval, ordinal, cumulative, scoring, choose-1.",
      "Line 20, field 'vote': project 'z' is not in the PROJECTS section.",
      'Line 17: META says num_votes is 4, but the VOTES section has 3 votes.',
    ]);
  });

  it('votes are still checked when there is no META section at all', () => {
    const text = edit({ 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null, 8: null, 9: null, 10: null, 11: null, 20: '2;z' });
    expect(messages(text)).toContain("Line 9, field 'vote': project 'z' is not in the PROJECTS section.");
  });
});
