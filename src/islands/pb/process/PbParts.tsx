// Small pieces the PB pages share: a status tag, the "not found" message and the problem box.
import type { ReactNode } from 'react';
import type { PbProposalStatus } from '../../../lib/api/pb-residents';
import { STATUS_WORDS } from '../../../lib/pb/proposal-status';

export { Loading, ProblemBox, queryParam } from '../../panel/PanelParts';

export function StatusTag({ status }: { status: PbProposalStatus }) {
  const words = STATUS_WORDS[status];
  return <strong className={`govuk-tag ${words.tag}`}>{words.label}</strong>;
}

/** For a page whose process or proposal is not there (or the address has no ?p=). */
export function NotFound({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
      <p className="govuk-body">
        <a className="govuk-link" href="/budgeting/">
          See every budgeting process
        </a>
      </p>
    </>
  );
}
