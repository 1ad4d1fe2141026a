import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePb, pbToElection, writePb, type PbFile, type PbProject } from '../../../../../src/lib/pb/index.ts';

const example = readFileSync(new URL('../fixtures/example.pb', import.meta.url), 'utf8');

function parsed(text: string): PbFile {
  const result = parsePb(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

describe('parsePb', () => {
  it('reads the example file', () => {
    const file = parsed(example);
    expect(file.meta).toMatchObject({
      budget: 10000,
      voteType: 'approval',
      numProjects: 6,
      numVotes: 12,
      rule: 'equalshares/add1',
      unit: 'Example Borough Council',
    });
    expect(file.meta.extra).toEqual([
      ['currency', 'GBP'],
      ['min_length', '1'],
      ['max_length', '3'],
    ]);
    expect(file.projects[2]).toEqual({
      id: 'p3',
      cost: 2500,
      name: 'Library homework club; after school',
      category: ['education', 'youth'],
      extra: {},
    });
    expect(file.projects[4]?.name).toBe('Lunch club for older residents ("Friday Club")');
    expect(file.votes[2]).toEqual({ voterId: 'v03', vote: ['p1', 'p4', 'p2'], extra: {} });
  });

  it('trims spaces after separators, accepts Windows line ends and a byte-order mark', () => {
    const text =
      '\ufeffMETA\r\nkey; value\r\ndescription; A\r\ncountry; B\r\nunit; C\r\ninstance; 1\r\nnum_projects; 1\r\nnum_votes; 1\r\nbudget; 10.5\r\nvote_type; cumulative\r\nrule; greedy\r\n' +
      'PROJECTS\r\nproject_id; cost; votes; target\r\n7; 2.25; 1; seniors , families\r\nVOTES\r\nvoter_id; vote; points; sex\r\nx; 7; 3; f\r\n';
    const file = parsed(text);
    expect(file.meta.budget).toBe(10.5);
    expect(file.projects).toEqual([{ id: '7', cost: 2.25, votes: 1, target: ['seniors', 'families'], extra: {} }]);
    expect(file.votes).toEqual([{ voterId: 'x', vote: ['7'], points: [3], sex: 'f', extra: {} }]);
  });

  it('reads a quoted value over several lines and keeps counting lines after it', () => {
    const text = example
      .replace('p1;4000;Community garden on Elm Street;environment', 'p1;4000;"Community garden\non Elm Street";environment')
      .replace('p6;2000;Bike repair workshop;transport', 'p6;2,5;Bike repair workshop;transport');
    const result = parsePb(text);
    expect(result.ok).toBe(false);
    // p6 was on line 22; the line break inside p1's name moves it to line 23.
    if (!result.ok)
      expect(result.problems[0]?.message).toBe("Line 23, field 'cost': '2,5' uses a comma as the decimal point; use a dot, like 2.5.");
    const fixed = parsed(text.replace('p6;2,5;', 'p6;2.5;'));
    expect(fixed.projects[0]?.name).toBe('Community garden\non Elm Street');
    expect(parsed(writePb(fixed))).toEqual(fixed);
  });

  it('keeps columns it does not know', () => {
    const text = example
      .replace('project_id;cost;name;category', 'project_id;cost;name;category;longitude')
      .replace('p1;4000;Community garden on Elm Street;environment', 'p1;4000;Community garden on Elm Street;environment;-0.08');
    const withExtra = text.replace(/^(p[2-6];.*)$/gm, '$1;');
    const file = parsed(withExtra);
    expect(file.projects[0]?.extra).toEqual({ longitude: '-0.08' });
    expect(file.projects[1]?.extra).toEqual({});
  });
});

describe('pbToElection', () => {
  it('refuses ordinal ballots with a plain explanation', () => {
    const file = parsed(example.replace('vote_type;approval', 'vote_type;ordinal'));
    const election = pbToElection(file);
    expect(election.ok).toBe(false);
    if (!election.ok) expect(election.problems[0]).toMatch(/ordinal \(ranked\) ballots/);
  });
});

describe('writePb', () => {
  it('writes the example back to an equivalent file', () => {
    const file = parsed(example);
    expect(parsed(writePb(file))).toEqual(file);
  });

  it('quotes values that contain separators, quotes or look like section titles', () => {
    const file = parsed(example);
    const tricky: PbFile = {
      ...file,
      projects: [{ ...(file.projects[0] as PbProject), name: 'A "quoted"; name' }, ...file.projects.slice(1)],
      votes: [{ voterId: 'VOTES', vote: [], extra: {} }, ...file.votes.slice(1)],
    };
    const text = writePb(tricky);
    expect(text).toContain('"A ""quoted""; name"');
    expect(text).toContain('"VOTES";');
    expect(parsed(text)).toEqual(tricky);
  });
});
