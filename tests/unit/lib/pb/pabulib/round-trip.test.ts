// Writing a .pb file and reading it back must lose nothing: generated files of every vote type,
// with empty names, empty category lists and empty extra values (written as "" and so told
// apart from a value that is not given at all), and elections written as .pb and counted again.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  count,
  electionToPb,
  parsePb,
  pbToElection,
  writePb,
  type Election,
  type PbDescription,
  type PbFile,
  type PbProject,
  type PbVote,
  type VoteType,
} from '../../../../../src/lib/pb/index.ts';
import { smallElection } from '../helpers.ts';

function parsed(text: string): PbFile {
  const result = parsePb(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
}

function election(file: PbFile): Election {
  const result = pbToElection(file);
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.value;
}

// Text without characters a .pb list cannot hold (commas in ids) or that trimming would change.
const word = fc.stringMatching(/^[A-Za-z0-9À-ž_-]([A-Za-z0-9À-ž_ \-;"']*[A-Za-z0-9À-ž_\-"'])?$/).filter((s) => s.length <= 20);
const wordOrEmpty = fc.oneof(word, fc.constant(''));
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** An extra column that some rows fill, some leave out and some give an empty value. */
const extra = (name: string) => maybe(wordOrEmpty).map((v): Record<string, string> => (v === undefined ? {} : { [name]: v }));

const pbFile: fc.Arbitrary<PbFile> = fc
  .record({
    ids: fc.uniqueArray(id, { minLength: 1, maxLength: 6 }),
    voters: fc.uniqueArray(id, { minLength: 0, maxLength: 8 }),
    voteType: fc.constantFrom<VoteType>('approval', 'choose-1', 'cumulative', 'scoring'),
    budget: fc.integer({ min: 0, max: 10_000_000 }).map((x) => x / 100),
    names: fc.array(maybe(wordOrEmpty), { minLength: 6, maxLength: 6 }),
    costs: fc.array(
      fc.integer({ min: 0, max: 10_000_000 }).map((x) => x / 100),
      { minLength: 6, maxLength: 6 },
    ),
    categories: fc.array(maybe(fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 3 })), { minLength: 6, maxLength: 6 }),
    projectExtra: fc.array(extra('longitude'), { minLength: 6, maxLength: 6 }),
    picks: fc.array(fc.array(fc.nat(5), { maxLength: 6 }), { minLength: 8, maxLength: 8 }),
    ages: fc.array(maybe(fc.integer({ min: 0, max: 110 })), { minLength: 8, maxLength: 8 }),
    sexes: fc.array(maybe(fc.constantFrom('f', 'm', '')), { minLength: 8, maxLength: 8 }),
    voteExtra: fc.array(extra('neighbourhood'), { minLength: 8, maxLength: 8 }),
    description: wordOrEmpty,
    metaExtra: fc.array(fc.tuple(fc.constantFrom('currency', 'comment', 'subunit'), wordOrEmpty), { maxLength: 3 }),
  })
  .map((r) => {
    const projects: PbProject[] = r.ids.map((pid, i) => ({
      id: pid,
      cost: r.costs[i] as number,
      ...(r.names[i] !== undefined ? { name: r.names[i] as string } : {}),
      ...(r.categories[i] !== undefined ? { category: r.categories[i] as string[] } : {}),
      extra: r.projectExtra[i] ?? {},
    }));
    const usesPoints = r.voteType === 'cumulative' || r.voteType === 'scoring';
    const votes: PbVote[] = r.voters.map((voterId, v) => {
      const all = [...new Set((r.picks[v] ?? []).map((k) => r.ids[k % r.ids.length] as string))];
      const chosen = r.voteType === 'choose-1' ? all.slice(0, 1) : all;
      const age = r.ages[v];
      const sex = r.sexes[v];
      return {
        voterId,
        vote: chosen,
        ...(usesPoints ? { points: chosen.map((_, j) => (r.voteType === 'scoring' ? (j * 2) % 5 : j + 1)) } : {}),
        ...(age !== undefined ? { age } : {}),
        ...(sex !== undefined ? { sex } : {}),
        extra: r.voteExtra[v] ?? {},
      };
    });
    const metaExtra = [...new Map(r.metaExtra).entries()];
    return {
      meta: {
        description: r.description,
        country: 'United Kingdom',
        unit: 'Test',
        instance: '2025',
        numProjects: projects.length,
        numVotes: votes.length,
        budget: r.budget,
        voteType: r.voteType,
        rule: 'greedy',
        extra: metaExtra,
      },
      projects,
      votes,
    };
  });

describe('round trips of .pb files', () => {
  it('parsePb(writePb(file)) gives back the file, and writing it again gives the same text', () => {
    fc.assert(
      fc.property(pbFile, (file) => {
        const text = writePb(file);
        expect(parsed(text)).toEqual(file);
        expect(writePb(parsed(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an empty name, an empty category list and an empty extra value', () => {
    const file: PbFile = {
      meta: {
        description: '',
        country: 'UK',
        unit: 'Test',
        instance: '1',
        numProjects: 2,
        numVotes: 1,
        budget: 10,
        voteType: 'approval',
        rule: 'greedy',
        extra: [['comment', '']],
      },
      projects: [
        { id: 'a', cost: 5, name: '', category: [], extra: { note: '' } },
        { id: 'b', cost: 5, extra: {} },
      ],
      votes: [{ voterId: 'v', vote: ['a'], sex: '', extra: { ward: '' } }],
    };
    const text = writePb(file);
    // "" is an empty value; nothing between the separators means the value is not given.
    expect(text).toContain('a;5;"";"";""\nb;5;;;\n');
    expect(parsed(text)).toEqual(file);
  });

  it('writes the counts of what it writes, so a parsed file comes back exactly', () => {
    const example = readFileSync(new URL('../fixtures/example.pb', import.meta.url), 'utf8');
    const file = parsed(example);
    expect(file.meta).toMatchObject({ numProjects: 6, numVotes: 12 });
    expect(writePb(file)).toBe(example);
    expect(parsed(writePb(file))).toEqual(file);
    // A file put together with stale counts is written with the true ones.
    const stale = { ...file, meta: { ...file.meta, numProjects: 99, numVotes: 0 } };
    expect(parsed(writePb(stale)).meta).toMatchObject({ numProjects: 6, numVotes: 12 });
  });
});

const describeVote: PbDescription = {
  description: 'Generated',
  country: 'UK',
  unit: 'Test',
  instance: '1',
  rule: 'equalshares/add1',
  extra: [],
};

describe('round trips of elections', () => {
  it('an election written to .pb, read back and counted gives the same result', () => {
    fc.assert(
      fc.property(smallElection(), fc.constantFrom('none', 'add1', 'add1u' as const), ({ instance, profile }, completion) => {
        const back = election(parsed(writePb(electionToPb({ instance, profile }, describeVote))));
        expect(back.instance).toEqual(instance);
        for (const rule of ['equal-shares', 'greedy'] as const) {
          expect(count(back.instance, back.profile, { rule, completion })).toEqual(count(instance, profile, { rule, completion }));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the vote type: scoring stays scoring and choose-1 stays choose-1', () => {
    fc.assert(
      fc.property(pbFile, (file) => {
        const again = electionToPb(election(file), { ...file.meta, extra: file.meta.extra.filter(([k]) => k !== 'currency') });
        expect(again.meta.voteType).toBe(file.meta.voteType);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps empty project names and category lists', () => {
    const start: Election = {
      instance: {
        budget: 10,
        currency: 'GBP',
        projects: [
          { id: 'a', cost: 5, name: '', category: [] },
          { id: 'b', cost: 5 },
        ],
      },
      profile: { kind: 'points', ballots: [{ voterId: 'v', points: [{ projectId: 'a', points: 3 }] }] },
      voteType: 'scoring',
    };
    expect(election(parsed(writePb(electionToPb(start, describeVote))))).toEqual(start);
  });

  it('refuses a vote type that does not fit the ballots', () => {
    const { instance, profile } = {
      instance: { budget: 1, currency: '', projects: [] },
      profile: { kind: 'approval' as const, ballots: [] },
    };
    expect(() => electionToPb({ instance, profile, voteType: 'scoring' }, describeVote)).toThrow(
      "Approval ballots cannot be written as vote type 'scoring'; use approval or choose-1.",
    );
  });
});
