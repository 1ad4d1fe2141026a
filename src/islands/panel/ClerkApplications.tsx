// The round page for the clerk, who supports the panel without a seat and never scores: their
// part (the panel's progress, the panel day, the report), then the applications with what they
// declared, since a conflict keeps the clerk out of an application as it keeps every member out.
import type { MyApplication } from '../../lib/api/member';
import type { Round } from '../../lib/api/rounds';
import { ClerkIntro } from './ClerkParts';
import { money } from './PanelParts';

const DECLARATION: Record<string, { label: string; tag: string }> = {
  conflict: { label: 'Conflict declared', tag: 'govuk-tag--orange' },
  'no conflict': { label: 'No conflict', tag: 'govuk-tag--green' },
};
const UNDECLARED = { label: 'Not declared yet', tag: 'govuk-tag--grey' };

export function ClerkApplications({ round, applications }: { round: Round; applications: MyApplication[] }) {
  return (
    <>
      <ClerkIntro round={{ round_id: round.id, title: round.title, state: round.state, panel_date: round.panel_date }} />
      <h2 className="govuk-heading-m">Applications</h2>
      <div className="wt-table-scroll" tabIndex={0} role="region" aria-label="Applications table">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Applications in this round and what you declared for each
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Application
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Asking for
              </th>
              <th scope="col" className="govuk-table__header">
                Your declaration
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {applications.map((a) => {
              const declared = DECLARATION[a.declaration ?? ''] ?? UNDECLARED;
              return (
                <tr className="govuk-table__row" key={a.id}>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={`/panel/application/?round=${round.id}&id=${a.id}`}>
                      {a.project_title}
                    </a>
                    <br />
                    <span className="govuk-body-s">
                      {a.organisation_name} · {a.reference}
                    </span>
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{money(a.amount_requested)}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${declared.tag}`}>{declared.label}</strong>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
