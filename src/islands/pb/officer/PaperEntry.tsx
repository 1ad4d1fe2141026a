// Entering paper ballots, built for speed with the keyboard: the station stays chosen, the code
// box has the focus, Space ticks a project and Enter (anywhere in the form) saves. After a save
// the form clears and the focus goes back to the code box; after a refusal everything stays as
// typed and the reason is shown where it belongs (a used or unknown code loudly, by the code).
import { useEffect, useRef, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { pbEnterPaperBallot, type PbOfficerProcess, type PbOfficerProposal, type PbStation } from '../../../lib/api/pb-officers';
import { formatAmount } from '../../../lib/pb/format';
import { refusalWords } from '../../../lib/pb/officer-refusal-words';
import { describedBy, FieldError } from '../../ui/ErrorSummary';
import { Select } from '../../ui/Select';
import { useOnce } from '../../ui/useOnce';
import { RefusedBox } from './Refused';

const CODE_KEYS = ['code_not_found', 'code_already_used', 'required', 'too_long'];
const PROJECT_KEYS = ['over_budget', 'too_many_projects', 'too_few_projects', 'repeated_project', 'not_on_shortlist'];

type Props = {
  process: PbOfficerProcess;
  stations: PbStation[];
  projects: PbOfficerProposal[];
  onEntered: (stationId: string, ballots: number) => void;
};

export function PaperEntry({ process, stations, projects, onEntered }: Props) {
  const [station, setStation] = useState(stations.length === 1 ? stations[0]!.id : '');
  const [code, setCode] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const [errors, setErrors] = useState<{ station?: string; code?: string; projects?: string }>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [saved, setSaved] = useState<string>();
  const [session, setSession] = useState(0);
  const [busy, once] = useOnce();
  const codeBox = useRef<HTMLInputElement>(null);
  useEffect(() => codeBox.current?.focus(), []);
  const total = projects.filter((p) => ticked.includes(p.id)).reduce((a, p) => a + (p.checked_cost ?? p.estimated_cost), 0);
  const stationName = stations.find((s) => s.id === station)?.name ?? '';

  const save = () =>
    once(async () => {
      setSaved(undefined);
      const found = {
        station: station ? undefined : 'Choose the polling station',
        code: code.trim() ? undefined : 'Enter the voting code from the ballot paper',
      };
      setErrors(found);
      if (found.station || found.code) return (found.station ? document.getElementById('paper-station') : codeBox.current)?.focus();
      const r = await pbEnterPaperBallot(
        { p_process_id: process.id, p_station_id: station, p_code: code.trim(), p_proposal_ids: ticked },
        'form',
      );
      if (!r.ok) {
        const words = refusalWords(r);
        if (r.key && CODE_KEYS.includes(r.key)) {
          setErrors({ code: words });
          setProblem(undefined);
          codeBox.current?.select();
          return codeBox.current?.focus();
        }
        if (r.key && PROJECT_KEYS.includes(r.key)) {
          setErrors({ projects: words });
          setProblem(undefined);
          return document.getElementById(`paper-project-${projects[0]?.number}`)?.focus();
        }
        if (r.key === 'station_not_found') {
          setErrors({ station: words });
          setProblem(undefined);
          return;
        }
        return setProblem(r);
      }
      setProblem(undefined);
      setErrors({});
      setSession((n) => n + 1);
      setSaved(
        `Saved the ballot with code ${code.trim().toUpperCase()}. ${r.data.station_ballots} paper ${r.data.station_ballots === 1 ? 'ballot' : 'ballots'} entered at ${stationName}.`,
      );
      onEntered(station, r.data.station_ballots);
      setCode('');
      setTicked([]);
      codeBox.current?.focus();
    });

  const codeError = errors.code;
  const used = problem === undefined && codeError === refusalWords({ key: 'code_already_used', message: '' });
  return (
    <section aria-labelledby="entry-heading" data-testid="paper-entry">
      <h2 className="govuk-heading-m" id="entry-heading">
        Enter a paper ballot
      </h2>
      <p className="govuk-body">
        Type the code, tick the projects marked on the paper (Space), then press Enter to save. The form clears for the next paper.
      </p>
      <p className="govuk-body" role="status" aria-live="polite" data-testid="paper-saved">
        {saved}
      </p>
      {problem && <RefusedBox problem={problem} />}
      {/* Enter on a ticked box saves, as it does in the code box: paper entry is keyboard work,
          and the form's own submit button stays the way for everyone else. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).matches('input[type=checkbox]')) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <Select id="paper-station" label="Polling station" value={station} error={errors.station} onChange={setStation}>
          <option value="">Choose a station</option>
          {stations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
        <div className={`govuk-form-group${codeError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="paper-code">
            Voting code
          </label>
          <div className="govuk-hint" id="paper-code-hint">
            As printed on the ballot paper, like CHST-DEMX-2222
          </div>
          {used ? (
            <div className="govuk-warning-text wt-used-code" id="paper-code-error" data-testid="code-used-warning">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Error:</span>
                {codeError}
              </strong>
            </div>
          ) : (
            <FieldError id="paper-code-error" message={codeError} />
          )}
          <input
            ref={codeBox}
            className={`govuk-input govuk-input--width-20 wt-code-input${codeError ? ' govuk-input--error' : ''}`}
            id="paper-code"
            name="paper-code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={code}
            aria-invalid={codeError ? true : undefined}
            aria-describedby={describedBy('paper-code-hint', codeError && 'paper-code-error')}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className={`govuk-form-group${errors.projects ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" aria-describedby={describedBy('paper-total', errors.projects && 'paper-projects-error')}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Projects marked on the paper</legend>
            <FieldError id="paper-projects-error" message={errors.projects} />
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {projects.map((p) => (
                <div className="govuk-checkboxes__item" key={p.id}>
                  <input
                    className="govuk-checkboxes__input"
                    id={`paper-project-${p.number}`}
                    type="checkbox"
                    checked={ticked.includes(p.id)}
                    onChange={(e) => setTicked(e.target.checked ? [...ticked, p.id] : ticked.filter((x) => x !== p.id))}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`paper-project-${p.number}`}>
                    {p.number}. {p.title} ({formatAmount(p.checked_cost ?? p.estimated_cost, process.currency)})
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <p className="govuk-body govuk-!-margin-top-3" id="paper-total">
            {ticked.length} ticked, {formatAmount(total, process.currency)} of {formatAmount(process.budget, process.currency)}.
          </p>
        </div>
        <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
          Save this ballot
        </button>
      </form>
      <p className="govuk-body-s">
        Ballots entered on this page since you opened it: <span data-testid="session-count">{session}</span>.
      </p>
    </section>
  );
}
