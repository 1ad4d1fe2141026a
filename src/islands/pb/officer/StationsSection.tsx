// The polling stations of a process with their subtotals (paper ballots entered at each), and
// adding one. Stations are set up until voting closes.
import { useState } from 'react';
import { pbAddStation, type PbStation } from '../../../lib/api/pb-officers';
import { refusalWords } from '../../../lib/pb/officer-refusal-words';
import { TextInput } from '../../ui/TextInput';
import { useOnce } from '../../ui/useOnce';

export function StationsSection({
  processId,
  stations,
  canAdd,
  onAdded,
}: {
  processId: string;
  stations: PbStation[];
  canAdd: boolean;
  onAdded: (s: PbStation) => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, once] = useOnce();
  const add = () =>
    once(async () => {
      if (!name.trim()) return setError('Enter the name of the polling station');
      const r = await pbAddStation({ p_process_id: processId, p_name: name.trim() }, 'form');
      if (!r.ok) return setError(refusalWords(r));
      setError(undefined);
      setName('');
      onAdded({ ...r.data, ballots: 0 });
    });
  return (
    <section aria-labelledby="stations-heading" data-testid="stations">
      <h2 className="govuk-heading-m" id="stations-heading">
        Polling stations
      </h2>
      {stations.length === 0 ? (
        <p className="govuk-body">No polling stations yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Paper ballots entered at each station</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Station
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Ballots
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {stations.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {s.name}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric" data-testid={`subtotal-${s.name}`}>
                  {s.ballots}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAdd && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <TextInput
            id="station-name"
            label="Add a polling station"
            hint="Like Blackbird Leys Library"
            width="30"
            value={name}
            error={error}
            onChange={setName}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
            Add the station
          </button>
        </form>
      )}
    </section>
  );
}
