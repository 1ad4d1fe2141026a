// An online application's status in the applicant's words (private.apply_status gives the key).
import type { ApplyStatus } from '../api/applications-online';

export const APPLY_STATUS_WORDS: Record<ApplyStatus, { label: string; tag: string; says: string }> = {
  draft: { label: 'Draft', tag: 'govuk-tag--grey', says: 'You have not sent it yet.' },
  reopened: {
    label: 'More information needed',
    tag: 'govuk-tag--orange',
    says: 'The grants team asked you for more information. Change the part they asked about and send it again.',
  },
  withdrawn: { label: 'Withdrawn', tag: 'govuk-tag--grey', says: 'You withdrew it. It will not go to the panel.' },
  submitted: {
    label: 'Submitted',
    tag: 'govuk-tag--blue',
    says: 'We have it. A grants officer will read it and write a short summary for the panel.',
  },
  with_panel: { label: 'With the panel', tag: 'govuk-tag--purple', says: 'The panel is reading and scoring the applications.' },
  recommended: {
    label: 'Recommended',
    tag: 'govuk-tag--turquoise',
    says: 'The panel has made its recommendations. Councillors review them before Cabinet decides.',
  },
  decided: {
    label: 'Decided',
    tag: 'govuk-tag--yellow',
    says: 'Cabinet has decided. The decisions are published once every application in the round is decided.',
  },
  published: { label: 'Published', tag: 'govuk-tag--green', says: 'The decision is published.' },
};
