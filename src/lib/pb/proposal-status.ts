// Each proposal status in one place: the officer's short name for the queue, the resident's
// words and their GOV.UK tag colour. A Record over every status, so a new status fails
// type-checking until it has words for both audiences.
import type { PbProposalStatus } from '../api/pb-residents';

export const STATUS_WORDS: Record<PbProposalStatus, { name: string; label: string; tag: string; text: string }> = {
  submitted: {
    name: 'To check',
    label: 'Waiting to be checked',
    tag: 'govuk-tag--blue',
    text: 'The council has not checked this idea yet.',
  },
  feasible: {
    name: 'Feasible',
    label: 'Can be done',
    tag: 'govuk-tag--turquoise',
    text: 'The council checked this idea and it can be done.',
  },
  shortlisted: {
    name: 'Shortlisted',
    label: 'On the ballot',
    tag: 'govuk-tag--green',
    text: 'This idea can be done and people can vote for it.',
  },
  not_feasible: {
    name: 'Not feasible',
    label: 'Cannot be done',
    tag: 'govuk-tag--orange',
    text: 'The council checked this idea and it cannot be done.',
  },
  hidden: { name: 'Hidden', label: 'Hidden', tag: 'govuk-tag--red', text: 'The council has hidden this idea from the public list.' },
  merged: {
    name: 'Merged',
    label: 'Joined with another idea',
    tag: 'govuk-tag--purple',
    text: 'This idea was the same as another one, so the two were joined.',
  },
  withdrawn: { name: 'Withdrawn', label: 'Withdrawn', tag: 'govuk-tag--grey', text: 'The person who suggested this idea took it back.' },
};

/** The order the officers' queue filter lists the statuses in. */
export const STATUS_ORDER = Object.keys(STATUS_WORDS) as PbProposalStatus[];
