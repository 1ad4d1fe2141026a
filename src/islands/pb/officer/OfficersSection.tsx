// Who runs the process: any council officer can be added; the last one cannot be removed.
import { useEffect, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { listPeople, type Person } from '../../../lib/api/people';
import { pbAddOfficer, pbRemoveOfficer, type PbProcessOfficer } from '../../../lib/api/pb-officers';
import { Select } from '../../ui/Select';
import { useOnce } from '../../ui/useOnce';
import { RefusedLine } from './Refused';

export function OfficersSection({
  processId,
  officers,
  onChanged,
}: {
  processId: string;
  officers: PbProcessOfficer[];
  onChanged: () => Promise<void>;
}) {
  const [people, setPeople] = useState<Person[]>([]);
  const [person, setPerson] = useState('');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  useEffect(() => {
    void listPeople({}).then((r) => r.ok && setPeople(r.data.filter((p) => p.is_officer)));
  }, []);
  const choices = people.filter((p) => !officers.some((o) => o.person_id === p.id));
  const act = (work: () => ReturnType<typeof pbAddOfficer>) =>
    once(async () => {
      const r = await work();
      if (!r.ok) return setProblem(r);
      setProblem(undefined);
      setPerson('');
      await onChanged();
    });
  return (
    <section aria-labelledby="officers-heading" data-testid="officers-section">
      <h2 className="govuk-heading-m" id="officers-heading">
        Officers running it
      </h2>
      <RefusedLine id="officers-error" problem={problem} />
      <ul className="govuk-list">
        {officers.map((o) => (
          <li key={o.person_id}>
            {o.display_name}{' '}
            <button
              type="button"
              className="wt-link-button govuk-link"
              onClick={() => void act(() => pbRemoveOfficer({ p_process_id: processId, p_person_id: o.person_id }, 'form'))}
            >
              Remove<span className="govuk-visually-hidden"> {o.display_name}</span>
            </button>
          </li>
        ))}
      </ul>
      <Select id="officer-person" label="Add an officer" value={person} error={error} onChange={setPerson}>
        <option value="">Choose an officer</option>
        {choices.map((p) => (
          <option key={p.id} value={p.id}>
            {p.display_name} ({p.email})
          </option>
        ))}
      </Select>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!person) return setError('Choose an officer to add');
          setError(undefined);
          void act(() => pbAddOfficer({ p_process_id: processId, p_person_id: person }, 'form'));
        }}
      >
        Add the officer
      </button>
    </section>
  );
}
