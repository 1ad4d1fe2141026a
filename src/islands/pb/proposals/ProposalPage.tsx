// /budgeting/proposal/?id=<uuid>: one idea with its status; once checked, the council's reason
// and the checked cost; if it was joined with another idea, a link to that one. Its author also
// sees a hidden idea, with the reason.
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { getProposal, type PbProposal } from '../../../lib/api/pb-residents';
import { formatPounds } from '../../../lib/money';
import { dayOf } from '../../../lib/pb/process-view';
import { STATUS_WORDS } from '../../../lib/pb/proposal-status';
import { Loading, NotFound, ProblemBox, queryParam, StatusTag } from '../process/PbParts';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="govuk-summary-list__row">
    <dt className="govuk-summary-list__key">{label}</dt>
    <dd className="govuk-summary-list__value">{children}</dd>
  </div>
);

/** Why an idea has its status, in the council's words, when there is a reason to give. */
export function StatusReason({ p }: { p: PbProposal }) {
  if (p.status === 'merged' && p.merged_into) {
    return (
      <p className="govuk-body">
        It was joined with{' '}
        <a className="govuk-link" href={`/budgeting/proposal/?id=${p.merged_into.id}`}>
          idea {p.merged_into.number}: {p.merged_into.title}
        </a>
        .{p.status_reason && <> {p.status_reason}</>}
      </p>
    );
  }
  if (p.status_reason)
    return (
      <p className="govuk-body" data-testid="status-reason">
        <strong>The council's reason:</strong> {p.status_reason}
      </p>
    );
  return null;
}

export default function ProposalPage() {
  const id = queryParam('id');
  const [proposal, setProposal] = useState<PbProposal>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [missing, setMissing] = useState(!id || !/^[0-9a-f-]{36}$/i.test(id));
  useEffect(() => {
    if (missing) return;
    void getProposal({ p_proposal_id: id! }, 'form').then((r) => {
      if (r.ok) setProposal(r.data);
      else if (r.key === 'proposal_not_found' || r.key === 'process_not_found') setMissing(true);
      else setProblem(r);
    });
  }, [id, missing]);
  if (missing)
    return (
      <NotFound title="We could not find that idea">
        <p className="govuk-body">It may have been withdrawn or removed. Check the web address.</p>
      </NotFound>
    );
  if (problem) return <ProblemBox problem={problem} title="We could not load this idea" />;
  if (!proposal) return <Loading>Loading the idea…</Loading>;
  const p = proposal;
  const checked = p.status === 'feasible' || p.status === 'not_feasible' || p.status === 'shortlisted';
  return (
    <>
      <span className="govuk-caption-l">Idea {p.number}</span>
      <h1 className="govuk-heading-l">{p.title}</h1>
      <p className="govuk-body">
        <StatusTag status={p.status} /> {STATUS_WORDS[p.status].text}
      </p>
      <StatusReason p={p} />
      <p className="govuk-body-l">{p.summary}</p>
      <dl className="govuk-summary-list">
        <Row label="What it would do">
          {p.details.split(/\n\s*\n/).map((para, i) => (
            <p className="govuk-body" key={i}>
              {para}
            </p>
          ))}
        </Row>
        {p.beneficiaries && <Row label="Who would benefit">{p.beneficiaries}</Row>}
        <Row label="Estimated cost">{formatPounds(p.estimated_cost, true)}</Row>
        {checked && p.checked_cost !== null && <Row label="Checked cost">{formatPounds(p.checked_cost, true)}</Row>}
        {checked && p.feasibility_note && <Row label="What the council found">{p.feasibility_note}</Row>}
        <Row label="Part of the area">{p.ward?.name ?? 'The whole area'}</Row>
        {p.category && <Row label="Kind of project">{p.category.name}</Row>}
        <Row label="Suggested on">{dayOf(p.created_at)}</Row>
      </dl>
      {p.mine && (
        <p className="govuk-body">
          You suggested this idea.{' '}
          <a className="govuk-link" href="/budgeting/my-proposals/">
            See your ideas
          </a>
        </p>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href="/budgeting/">
          Back to Have your say on spending
        </a>
      </p>
    </>
  );
}
