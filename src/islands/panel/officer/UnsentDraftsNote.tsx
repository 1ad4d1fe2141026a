// While scoring: the members who have scored an application in full but not sent it. Moving the
// round to the panel day would leave those scores out, so the officer sees who they are and can
// email them a reminder (at most one a member a day, however often the button is pressed).
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { remindUnsentDrafts, type UnsentDrafts } from '../../../lib/api/rounds';
import { useOnce } from '../../ui/useOnce';

const applications = (n: number) => `${n} ${n === 1 ? 'application' : 'applications'}`;

export function UnsentDraftsNote({
  roundId,
  unsent,
  onProblem,
}: {
  roundId: string;
  unsent: UnsentDrafts[];
  onProblem: (p: ApiProblem | undefined) => void;
}) {
  const [sent, setSent] = useState<string>();
  const [busy, once] = useOnce();
  const remind = () =>
    once(async () => {
      setSent(undefined);
      const result = await remindUnsentDrafts({ p_round_id: roundId });
      if (!result.ok) return onProblem(result);
      onProblem(undefined);
      const n = result.data.queued;
      setSent(
        n === 0
          ? 'Everyone listed has already been reminded today.'
          : `Reminder emailed to ${n} ${n === 1 ? 'member' : 'members'}. Each gets one reminder a day at most.`,
      );
    });
  return (
    <div data-testid="unsent-drafts">
      <h3 className="govuk-heading-s">Finished scores not sent yet</h3>
      <p className="govuk-body">
        These members have scored every question but have not sent their scores. If the round moves to the panel meeting now, those scores
        will not count.
      </p>
      <ul className="govuk-list govuk-list--bullet">
        {unsent.map((u) => (
          <li key={u.member_id}>
            {u.display_name}: {applications(u.drafts)} ({u.references.join(', ')})
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        aria-disabled={busy || undefined}
        onClick={() => void remind()}
      >
        Remind them to send their scores
      </button>
      <p className="govuk-body" role="status">
        {sent}
      </p>
    </div>
  );
}
