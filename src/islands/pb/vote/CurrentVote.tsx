// The ballot the server holds for this resident: the one that counts, as the database says now.
import type { PbBallotItem } from '../../../lib/api/pb-residents';
import { formatPounds } from '../../../lib/money';

export function BallotTable({ items, total, caption }: { items: PbBallotItem[]; total: number; caption: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Project
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Cost
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((p) => (
          <tr key={p.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {p.title}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatPounds(p.checked_cost)}</td>
          </tr>
        ))}
        <tr className="govuk-table__row">
          <th scope="row" className="govuk-table__header">
            Total
          </th>
          <td className="govuk-table__cell govuk-table__cell--numeric">
            <strong>{formatPounds(total)}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
