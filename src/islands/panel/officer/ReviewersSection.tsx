// The councillors who review a round's recommendations before Cabinet, and adding one.
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import type { Person } from '../../../lib/api/people';
import type { Reviewer } from '../../../lib/api/rounds';
import { addReviewer } from '../../../lib/api/setup';
import { useOnce } from '../../ui/useOnce';
import { FieldError } from '../PanelParts';

export function ReviewersSection({ roundId, reviewers, people, onProblem, onChanged }: {
  roundId: string; reviewers: Reviewer[] | undefined; people: Person[]; onProblem: (p: ApiProblem | undefined) => void; onChanged: () => Promise<void>;
}) {
  const [reviewer, setReviewer] = useState('');
  const [reviewerError, setReviewerError] = useState<string>();
  const [adding, onceAdd] = useOnce();
  const add = () => onceAdd(async () => {
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
      <h2 className="govuk-heading-m" id="reviewers-heading">Councillors reviewing the recommendations</h2>
      {reviewers?.length ? <ul className="govuk-list govuk-list--bullet">{reviewers.map((r) => <li key={r.person_id}>{r.display_name}</li>)}</ul> : <p className="govuk-body">None yet.</p>}
      {people.length > 0 && (
        <div className={`govuk-form-group${reviewerError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="add-reviewer">Add a reviewing councillor</label>
          <FieldError id="add-reviewer-error" message={reviewerError} />
          <select className="govuk-select" id="add-reviewer" value={reviewer} onChange={(e) => setReviewer(e.target.value)} aria-describedby={reviewerError ? 'add-reviewer-error' : undefined}>
            <option value="">Choose a person</option>
            {people.map((p) => <option key={p.id} value={p.id}>{p.display_name}</option>)}
          </select>{' '}
          <button type="button" className="govuk-button govuk-button--secondary" aria-disabled={adding || undefined} onClick={() => void add()}>Add</button>
        </div>
      )}
    </section>
  );
}
