// Downloads the trail as filtered on screen, every page of it, as CSV. Each page asked for is
// recorded by the database as an export of the trail (p_export), so the download is itself in
// the trail.
import { useState } from 'react';
import { readAuditTrail, type AuditEvent, type AuditFilters, type AuditPage } from '../../lib/api/audit';
import type { ApiProblem, ApiResult } from '../../lib/api-call';
import { auditCsv } from '../../lib/grants/audit-words';
import { useOnce } from '../ui/useOnce';
import { ProblemBox } from './PanelParts';

const PAGE = 500;

function save(name: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function AuditDownload({ filters }: { filters: () => AuditFilters }) {
  const [busy, once] = useOnce();
  const [problem, setProblem] = useState<ApiProblem>();
  const [done, setDone] = useState<number>();

  const download = () =>
    once(async () => {
      setProblem(undefined);
      setDone(undefined);
      const events: AuditEvent[] = [];
      let before: number | null = null;
      do {
        const page: ApiResult<AuditPage> = await readAuditTrail(
          { ...filters(), p_before_id: before, p_limit: PAGE, p_export: true },
          'form',
        );
        if (!page.ok) return setProblem(page);
        events.push(...page.data.events);
        before = page.data.next_before_id;
      } while (before !== null);
      save(`audit-trail-${new Date().toISOString().slice(0, 10)}.csv`, auditCsv(events));
      setDone(events.length);
    });
  return (
    <div className="wt-audit__download">
      {problem && <ProblemBox problem={problem} title="The trail was not downloaded" />}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        aria-disabled={busy || undefined}
        onClick={() => void download()}
      >
        Download these entries (CSV)
      </button>
      <p className="govuk-body-s" role="status">
        {done !== undefined && `Downloaded ${done} ${done === 1 ? 'entry' : 'entries'}. The download is recorded in the trail.`}
      </p>
    </div>
  );
}
