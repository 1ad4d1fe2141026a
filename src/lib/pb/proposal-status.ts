// The proposal statuses in an officer's words, in the order the queue's filter lists them. A
// Record over PbProposalStatus, so a new status fails type-checking until it has words.
import type { PbProposalStatus } from '../api/pb-officers';

export const STATUS_WORDS: Record<PbProposalStatus, { name: string; tag: string }> = {
  submitted: { name: 'To check', tag: 'govuk-tag--blue' },
  feasible: { name: 'Feasible', tag: 'govuk-tag--green' },
  shortlisted: { name: 'Shortlisted', tag: 'govuk-tag--purple' },
  not_feasible: { name: 'Not feasible', tag: 'govuk-tag--orange' },
  hidden: { name: 'Hidden', tag: 'govuk-tag--red' },
  merged: { name: 'Merged', tag: 'govuk-tag--grey' },
  withdrawn: { name: 'Withdrawn', tag: 'govuk-tag--grey' },
};

export const STATUS_ORDER = Object.keys(STATUS_WORDS) as PbProposalStatus[];
