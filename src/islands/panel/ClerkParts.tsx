// The clerk supports the panel and keeps its record, without a seat: they never score. So where
// a member is told how far they have got and to score, the clerk is shown the panel's progress,
// the panel day and the report instead. Used by the clerk's branch of MyRounds and RoundPage.
import { longDate } from '../../lib/dates';
import { scoresShown, type RoundState } from '../../lib/grants/rounds';

interface ClerkRound {
  round_id: string;
  title: string;
  state: RoundState;
  panel_date: string | null;
}

export const isClerkOnly = (roles: readonly string[]) => roles.includes('clerk') && !roles.includes('officer');

/** When the panel meets, in words. */
export const panelDayText = (panelDate: string | null) => (panelDate ? longDate(panelDate.slice(0, 10)) : 'Not set yet');

/** What the clerk can do for a round: follow the panel's progress, and the report once scoring has closed. */
export function ClerkActions({ round }: { round: ClerkRound }) {
  return (
    <div className="govuk-button-group">
      <a className="govuk-button" href={`/panel/panel-day/?round=${round.round_id}`}>
        See the panel's progress<span className="govuk-visually-hidden"> for {round.title}</span>
      </a>
      {scoresShown(round.state) && (
        <a className="govuk-button govuk-button--secondary" href={`/panel/report/?round=${round.round_id}`}>
          Recommendations report<span className="govuk-visually-hidden"> for {round.title}</span>
        </a>
      )}
    </div>
  );
}

/** On the round page, in place of the member's "7 of 12 scored". */
export function ClerkIntro({ round }: { round: ClerkRound }) {
  return (
    <>
      <h2 className="govuk-heading-m">Your part as clerk</h2>
      <p className="govuk-body">
        You support the panel and keep its record. You do not score: the members with a seat do. Follow who has sent their scores on the
        panel's progress page, and print or download the report for the meetings after the panel.
      </p>
      <p className="govuk-body">
        Panel meeting: <strong>{panelDayText(round.panel_date)}</strong>
      </p>
      <ClerkActions round={round} />
    </>
  );
}
