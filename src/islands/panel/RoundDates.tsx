// The round's dates as a member plans around them: when scores are needed by and when the panel
// meets, with a plain warning when scoring closes today or tomorrow. Shown on the member's
// rounds page (as rows of its summary list) and the round page (as its own list).
import { longDate } from '../../lib/dates';
import type { RoundState } from '../../lib/grants/rounds';
import { deadlineWarning } from '../../lib/grants/round-dates';

interface Dated {
  state: RoundState;
  scoring_deadline: string | null;
  panel_date: string | null;
}

/** The deadline matters until scoring closes; the meeting until it has been held. */
const deadlineShown = (r: Dated) => Boolean(r.scoring_deadline) && ['draft', 'open', 'closed', 'scoring'].includes(r.state);
const meetingShown = (r: Dated) => Boolean(r.panel_date) && ['draft', 'open', 'closed', 'scoring', 'panel'].includes(r.state);

function Row({ label, children }: { label: string; children: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** The rows, for a summary list the caller already has. */
export function RoundDateRows({ round }: { round: Dated }) {
  return (
    <>
      {deadlineShown(round) && <Row label="Scores needed by">{longDate(round.scoring_deadline!.slice(0, 10))}</Row>}
      {meetingShown(round) && <Row label="Panel meeting">{longDate(round.panel_date!.slice(0, 10))}</Row>}
    </>
  );
}

/** GOV.UK's warning text when scoring closes today or tomorrow, while the member can still score. */
export function DeadlineWarning({ round, now }: { round: Dated; now?: Date }) {
  const words = round.state === 'scoring' ? deadlineWarning(round.scoring_deadline, now) : undefined;
  if (!words) return null;
  return (
    <div className="govuk-warning-text" data-testid="deadline-warning">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {words}
      </strong>
    </div>
  );
}

/** The dates on their own, for a page without a summary list. */
export function RoundDates({ round }: { round: Dated }) {
  if (!deadlineShown(round) && !meetingShown(round)) return null;
  return (
    <>
      <DeadlineWarning round={round} />
      <dl className="govuk-summary-list" data-testid="round-dates">
        <RoundDateRows round={round} />
      </dl>
    </>
  );
}
