// The councillors who review a round's recommendations before Cabinet, and adding one.
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import type { Person } from '../../../lib/api/people';
import type { Reviewer } from '../../../lib/api/rounds';
import { addReviewer } from '../../../lib/api/setup';
import { useOnce } from '../../ui/useOnce';
import { Select } from '../../ui/Select';

export function ReviewersSection({
  roundId,
  reviewers,
  people,
  onProblem,
  onChanged,
}: {
  roundId: string;
  reviewers: Reviewer[] | undefined;
  people: Person[];
  onProblem: (p: ApiProblem | undefined) => void;
  onChanged: () => Promise<void>;
}) {
  const [reviewer, setReviewer] = useState('');
  const [reviewerError, setReviewerError] = useState<string>();
  const [adding, onceAdd] = useOnce();
  const add = () =>
    onceAdd(async () => {
      if (!reviewer) return setReviewerError('Choose a councillor to add');
      setReviewerError(undefined);
      const result = await addReviewer({ p_round_id: roundId, p_person_id: reviewer }, 'form');
      if (!result.ok) return onProblem(result);
      onProblem(undefined);
      setReviewer('');
      await onChanged();
    });
  return (
    <section aria-labelledby="reviewers-heading">
      <h2 className="govuk-heading-m" id="reviewers-heading">
        Councillors reviewing the recommendations
      </h2>
      {reviewers?.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {reviewers.map((r) => (
            <li key={r.person_id}>{r.display_name}</li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None yet.</p>
      )}
      {people.length > 0 && (
        <Select
          id="add-reviewer"
          label="Add a reviewing councillor"
          value={reviewer}
          error={reviewerError}
          onChange={setReviewer}
          after={
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              aria-disabled={adding || undefined}
              onClick={() => void add()}
            >
              Add
            </button>
          }
        >
          <option value="">Choose a person</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.display_name}
            </option>
          ))}
        </Select>
      )}
    </section>
  );
}
