// Between a .pb file and what the counting rules take: an instance (projects, budget,
// currency) and a profile (approval or points ballots).

import type { Instance, Profile, Project } from '../types.ts';
import type { PbFile, PbMeta, PbProject, PbVote, VoteType } from './types.ts';

export type Election = {
  readonly instance: Instance;
  readonly profile: Profile;
  /**
   * How the ballots were cast, as the .pb file says. Counting does not need it (choose-1 counts
   * as approval, scoring as points), but writing the file back does. Without it, electionToPb
   * writes approval or cumulative.
   */
  readonly voteType?: VoteType;
};

const VOTE_TYPES_OF: Record<Profile['kind'], readonly VoteType[]> = {
  approval: ['approval', 'choose-1'],
  points: ['cumulative', 'scoring'],
};

export type ElectionResult = { readonly ok: true; readonly value: Election } | { readonly ok: false; readonly problems: readonly string[] };

function metaValue(meta: PbMeta, key: string): string | undefined {
  return meta.extra.find(([k]) => k === key)?.[1];
}

export function pbToElection(file: PbFile): ElectionResult {
  const { meta } = file;
  const projects: Project[] = file.projects.map((p) => ({
    id: p.id,
    cost: p.cost,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.category !== undefined ? { category: p.category } : {}),
    ...(p.district !== undefined ? { district: p.district } : {}),
  }));
  const instance: Instance = { projects, budget: meta.budget, currency: metaValue(meta, 'currency') ?? '' };
  switch (meta.voteType) {
    case 'approval':
    case 'choose-1':
      return {
        ok: true,
        value: {
          instance,
          profile: { kind: 'approval', ballots: file.votes.map((v) => ({ voterId: v.voterId, approved: v.vote })) },
          voteType: meta.voteType,
        },
      };
    case 'cumulative':
    case 'scoring': {
      const problems: string[] = [];
      const ballots = file.votes.map((v) => {
        const points = v.vote.map((projectId, i) => ({ projectId, points: v.points?.[i] ?? 0 }));
        const negative = points.find((e) => e.points < 0);
        if (negative && problems.length < 20) {
          problems.push(
            `Voter '${v.voterId}' gave project '${negative.projectId}' a negative score (${negative.points}); Equal Shares and greedy can only count scores of 0 or more.`,
          );
        }
        return { voterId: v.voterId, points };
      });
      if (problems.length > 0) return { ok: false, problems };
      return { ok: true, value: { instance, profile: { kind: 'points', ballots }, voteType: meta.voteType } };
    }
    case 'ordinal':
      return {
        ok: false,
        problems: [
          'This file has ordinal (ranked) ballots. These counting rules take approval or points ballots, so it cannot be counted here.',
        ],
      };
  }
}

export type PbDescription = Omit<PbMeta, 'numProjects' | 'numVotes' | 'budget' | 'voteType'>;

/** A .pb file for an election, e.g. to publish the anonymised ballots after a vote. */
export function electionToPb(election: Election, description: PbDescription): PbFile {
  const { instance, profile } = election;
  const allowed = VOTE_TYPES_OF[profile.kind];
  const voteType = election.voteType ?? (allowed[0] as VoteType);
  if (!allowed.includes(voteType)) {
    throw new RangeError(
      `${profile.kind === 'approval' ? 'Approval' : 'Points'} ballots cannot be written as vote type '${voteType}'; use ${allowed.join(' or ')}.`,
    );
  }
  const extra = description.extra.filter(([k]) => k !== 'currency');
  const projects: PbProject[] = instance.projects.map((p) => ({
    id: p.id,
    cost: p.cost,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.category !== undefined ? { category: p.category } : {}),
    ...(p.district !== undefined ? { district: p.district } : {}),
    extra: {},
  }));
  const votes: PbVote[] =
    profile.kind === 'approval'
      ? profile.ballots.map((b) => ({ voterId: b.voterId, vote: b.approved, extra: {} }))
      : profile.ballots.map((b) => ({
          voterId: b.voterId,
          vote: b.points.map((e) => e.projectId),
          points: b.points.map((e) => e.points),
          extra: {},
        }));
  return {
    meta: {
      ...description,
      numProjects: projects.length,
      numVotes: votes.length,
      budget: instance.budget,
      voteType,
      extra: instance.currency ? [...extra, ['currency', instance.currency] as const] : extra,
    },
    projects,
    votes,
  };
}
