// Before scoring starts: what the panel lacks to be fair (the database's panel_shortfall, the
// same rule api.move_round refuses by), so the officer can add members first, or start anyway
// with a reason that goes into the audit trail.
import type { PanelShortfall } from '../../../lib/api/rounds';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function FairPanelNote({ shortfall }: { shortfall: PanelShortfall }) {
  const { chair, community, councillors, community_needed, councillors_needed } = shortfall;
  return (
    <div className="govuk-warning-text" data-testid="fair-panel">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        The panel is not yet fair enough to start scoring. This round needs its chair,{' '}
        {count(community_needed, 'community member', 'community members')} and {count(councillors_needed, 'councillor', 'councillors')}{' '}
        besides the chair.
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2">
          <li>{chair ? 'Chair: added' : 'Chair: not added yet'}</li>
          <li>
            Community members: {community} of {community_needed}
          </li>
          <li>
            Councillors: {councillors} of {councillors_needed}
          </li>
        </ul>
      </div>
    </div>
  );
}
