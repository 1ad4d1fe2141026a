// Members' requests to change scores they have submitted, each with a button to reopen them
// (the chair, for someone else, or an officer).
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import type { ReopenRequest } from '../../../lib/api/results';
import { grantScoreReopen } from '../../../lib/api/scoring';
import { useOnce } from '../../ui/useOnce';
import { ProblemBox } from '../PanelParts';

export function ReopenRequests({ requests, onGranted }: { requests: ReopenRequest[]; onGranted: () => void }) {
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const allow = async (r: ReopenRequest) => {
    setProblem(undefined);
    const result = await grantScoreReopen({ p_member_id: r.member_id, p_application_id: r.application_id });
    if (result.ok) onGranted();
    else setProblem(result);
  };
  return (
    <>
      <h3 className="govuk-heading-s">Asked to change submitted scores</h3>
      {problem && <ProblemBox problem={problem} />}
      <ul className="govuk-list">
        {requests.map((r) => (
          <li key={r.member_id + r.application_id}>
            {r.display_name}, {r.reference}: "{r.reason}"{' '}
            <button
              type="button"
              className="wt-link-button govuk-link"
              aria-disabled={busy || undefined}
              onClick={() => void once(() => allow(r))}
            >
              Reopen
              <span className="govuk-visually-hidden">
                {' '}
                {r.display_name}'s scores for {r.reference}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
