// Each proposal status in residents' words, with its GOV.UK tag colour. A Record over every
// status, so a new status fails type-checking until it has words.
import type { PbProposalStatus } from '../api/pb-residents';

export const STATUS_WORDS: Record<PbProposalStatus, { label: string; tag: string; text: string }> = {
  submitted: { label: 'Waiting to be checked', tag: 'govuk-tag--blue', text: 'The council has not checked this idea yet.' },
  hidden: { label: 'Hidden', tag: 'govuk-tag--red', text: 'The council has hidden this idea from the public list.' },
  withdrawn: { label: 'Withdrawn', tag: 'govuk-tag--grey', text: 'The person who suggested this idea took it back.' },
  merged: { label: 'Joined with another idea', tag: 'govuk-tag--purple', text: 'This idea was the same as another one, so the two were joined.' },
  feasible: { label: 'Can be done', tag: 'govuk-tag--turquoise', text: 'The council checked this idea and it can be done.' },
  not_feasible: { label: 'Cannot be done', tag: 'govuk-tag--orange', text: 'The council checked this idea and it cannot be done.' },
  shortlisted: { label: 'On the ballot', tag: 'govuk-tag--green', text: 'This idea can be done and people can vote for it.' },
};
