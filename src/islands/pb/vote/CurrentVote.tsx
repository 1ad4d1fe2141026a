// The ballot the server holds for this resident: the one that counts, as the database says now.
// The markup is the public check-ballot page's (src/lib/pb/ballot-html.ts), so both read alike.
import type { PbBallotItem } from '../../../lib/api/pb-residents';
import { ballotTableHtml } from '../../../lib/pb/ballot-html';

export function BallotTable({ items, total, caption }: { items: PbBallotItem[]; total: number; caption: string }) {
  return <div dangerouslySetInnerHTML={{ __html: ballotTableHtml(items, total, caption) }} />;
}
