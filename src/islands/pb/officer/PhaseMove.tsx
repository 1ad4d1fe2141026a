// Moving a process to its next phase: what the move needs, a confirmation before it happens (it
// changes what every resident sees and cannot be undone), and the database's refusal, by key,
// next to the button.
import { useEffect, useRef, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { pbMovePhase, type PbOfficerProcess } from '../../../lib/api/pb-officers';
import { MOVE_WORDS } from '../../../lib/pb/phase-moves';
import { PHASE_WORDS } from '../../../lib/pb/phase-words';
import { PB_PHASES, type PbPhase } from '../../../lib/pb/phases';
import { useOnce } from '../../ui/useOnce';
import { RefusedLine } from './Refused';

export function PhaseMove({
  process,
  only,
  onMoved,
}: {
  process: PbOfficerProcess;
  only?: PbPhase[];
  onMoved: (p: PbOfficerProcess) => void;
}) {
  const next = PB_PHASES[PB_PHASES.indexOf(process.phase) + 1] as Exclude<PbPhase, 'draft'> | undefined;
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const [done, setDone] = useState<string>();
  const [busy, once] = useOnce();
  const confirmBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) confirmBox.current?.focus();
  }, [asking]);
  if (!next || (only && !only.includes(next)))
    return done ? (
      <p className="govuk-body" role="status">
        {done}
      </p>
    ) : null;
  const words = MOVE_WORDS[next];
  const move = () =>
    once(async () => {
      const r = await pbMovePhase({ p_process_id: process.id, p_to: next }, 'form');
      setAsking(false);
      if (!r.ok) return setProblem(r);
      setProblem(undefined);
      setDone(`Done: the process is now at ${PHASE_WORDS[next].name}.`);
      onMoved(r.data);
    });
  return (
    <section className="wt-move" aria-labelledby="move-heading" data-testid="phase-move">
      <h2 className="govuk-heading-m" id="move-heading">
        Next phase: {PHASE_WORDS[next].name}
      </h2>
      <p className="govuk-body" role="status">
        {done}
      </p>
      <p className="govuk-body" id="move-needs">
        {words.needs}
      </p>
      <div className={problem ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <RefusedLine id="move-error" problem={problem} />
        {!asking && (
          <button
            type="button"
            className="govuk-button"
            aria-describedby={problem ? 'move-needs move-error' : 'move-needs'}
            onClick={() => {
              setDone(undefined);
              setAsking(true);
            }}
          >
            {words.button}
          </button>
        )}
      </div>
      {asking && (
        <div className="govuk-warning-text" role="alertdialog" aria-labelledby="move-confirm" tabIndex={-1} ref={confirmBox}>
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            <p className="govuk-body" id="move-confirm">
              Move {process.title} to {PHASE_WORDS[next].name}? {words.confirm}
            </p>
            <div className="govuk-button-group">
              <button type="button" className="govuk-button" aria-disabled={busy || undefined} onClick={() => void move()}>
                Yes, {words.button.charAt(0).toLowerCase() + words.button.slice(1)}
              </button>
              <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAsking(false)}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
