// Who sits on the panel: community members and councillors (each with a seat, so their voices
// can be counted equally), the chair and the clerk.
import { count } from '../../../lib/pb/explain/words';
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import type { Person } from '../../../lib/api/people';
import type { PanelMember } from '../../../lib/api/rounds';
import { addPanelMember } from '../../../lib/api/setup';
import { useOnce } from '../../ui/useOnce';
import { Select } from '../../ui/Select';
import { ProblemBox } from '../PanelParts';

export function MembersSection({
  roundId,
  members,
  people,
  onChanged,
}: {
  roundId: string;
  members: PanelMember[];
  people: Person[];
  onChanged: () => void;
}) {
  const [person, setPerson] = useState('');
  const [seat, setSeat] = useState('community');
  const [role, setRole] = useState('member');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const current = members.filter((m) => !m.removed_at);
  // Nothing is typed here (three choices), so a failure leaves them chosen in the form.
  const add = () =>
    once(async () => {
      if (!person) return setError('Choose a person to add');
      setError(undefined);
      const result = await addPanelMember(
        { p_round_id: roundId, p_person_id: person, p_seat: role === 'clerk' ? null : seat, p_role: role },
        'form',
      );
      if (!result.ok) return setProblem(result);
      setProblem(undefined);
      setPerson('');
      onChanged();
    });
  return (
    <section aria-labelledby="members-heading">
      <h2 className="govuk-heading-m" id="members-heading">
        Panel members
      </h2>
      <p className="govuk-body">
        {count(current.filter((m) => m.seat === 'community').length, 'community seat')},{' '}
        {count(current.filter((m) => m.seat === 'councillor').length, 'councillor seat')}.
      </p>
      <ul className="govuk-list govuk-list--bullet">
        {current.map((m) => (
          <li key={m.member_id}>
            {m.display_name}: {m.role}
            {m.seat ? `, ${m.seat} seat` : ''}
            {m.accepted_at ? '' : ' (has not accepted the agreement yet)'}
          </li>
        ))}
      </ul>
      <h3 className="govuk-heading-s">Add someone</h3>
      {problem && <ProblemBox problem={problem} />}
      <Select id="member-person" label="Person" value={person} error={error} onChange={setPerson}>
        <option value="">Choose a person</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.display_name}
          </option>
        ))}
      </Select>
      <Select id="member-role" label="Role" value={role} onChange={setRole}>
        <option value="member">Member (scores)</option>
        <option value="chair">Chair (scores and leads the meeting)</option>
        <option value="clerk">Clerk (takes notes, does not score)</option>
      </Select>
      {role !== 'clerk' && (
        <Select id="member-seat" label="Seat" value={seat} onChange={setSeat}>
          <option value="community">Community (people who use services, carers, support workers)</option>
          <option value="councillor">Councillor</option>
        </Select>
      )}
      <button type="button" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined} onClick={() => void add()}>
        Add to the panel
      </button>
    </section>
  );
}
