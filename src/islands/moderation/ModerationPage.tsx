// /moderation/?kind=&status=&page=: the one queue of what the public sends in, for officers.
// Filter by kind and status, a page of 20 at a time, oldest first; each decision is announced
// in the status line and the queue reloads. Someone who is not an officer is told so (the
// database refuses them anyway).
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { moderationQueue, type ModerationQueue } from '../../lib/api/moderation';
import {
  KIND_WORDS,
  MODERATION_KINDS,
  MODERATION_STATUSES,
  STATUS_WORDS,
  type ModerationKind,
  type ModerationStatus,
} from '../../lib/moderation/lists';
import { moderationProblemWords } from '../../lib/moderation/refusal-words';
import { Loading, ProblemBox, SignedInBar } from '../panel/PanelParts';
import { Select } from '../ui/Select';
import { useSignedIn } from '../ui/useSignedIn';
import { QueueItem } from './QueueItem';

type Filters = { kind: ModerationKind | ''; status: ModerationStatus | ''; page: number };

function readFilters(): Filters {
  const q = new URLSearchParams(location.search);
  const kind = q.get('kind') ?? '';
  const status = q.get('status') ?? 'waiting';
  const page = Number(q.get('page') ?? '1');
  return {
    kind: (MODERATION_KINDS as readonly string[]).includes(kind) ? (kind as ModerationKind) : '',
    status: (MODERATION_STATUSES as readonly string[]).includes(status) ? (status as ModerationStatus) : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function writeFilters(f: Filters) {
  const q = new URLSearchParams();
  if (f.kind) q.set('kind', f.kind);
  q.set('status', f.status || 'all');
  if (f.page > 1) q.set('page', String(f.page));
  history.replaceState(null, '', `/moderation/?${q.toString()}`);
}

export default function ModerationPage() {
  const user = useSignedIn();
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [chosen, setChosen] = useState<Filters>(filters);
  const [queue, setQueue] = useState<ModerationQueue>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [announcement, setAnnouncement] = useState('');
  const status = useRef<HTMLParagraphElement>(null);

  const load = useCallback(async (f: Filters) => {
    const r = await moderationQueue({ p_kind: f.kind || null, p_status: f.status || null, p_page: f.page });
    if (r.ok) {
      setQueue(r.data);
      setProblem(undefined);
    } else setProblem(r);
  }, []);
  useEffect(() => {
    if (user) void load(filters);
  }, [user, filters, load]);

  const show = (f: Filters) => {
    writeFilters(f);
    setAnnouncement('');
    setFilters(f);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    show({ ...chosen, page: 1 });
  };
  const done = async (message: string) => {
    await load(filters);
    setAnnouncement(message);
    status.current?.focus();
  };

  if (!user) return <Loading>Checking you are signed in…</Loading>;
  const pages = queue ? Math.max(1, Math.ceil(queue.total / queue.page_size)) : 1;
  const statusName = filters.status ? STATUS_WORDS[filters.status].toLowerCase() : 'in any status';
  return (
    <div data-testid="moderation" aria-busy={!queue && !problem}>
      <SignedInBar email={user.email} back={{ href: '/panel/', label: 'Back to your panels' }} />
      <h1 className="govuk-heading-l">Moderation queue</h1>
      <p className="govuk-body">
        What the public sends in waits here until an officer approves it. Return it with a note saying what should change, or hide it with a
        reason. Nothing is deleted: a hidden item can be restored.
      </p>
      <form className="wt-filters" onSubmit={apply} aria-label="Filter the queue">
        <Select id="kind" label="Kind" value={chosen.kind} onChange={(v) => setChosen((c) => ({ ...c, kind: v as Filters['kind'] }))}>
          <option value="">All kinds</option>
          {MODERATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_WORDS[k]}
            </option>
          ))}
        </Select>
        <Select
          id="status"
          label="Status"
          value={chosen.status}
          onChange={(v) => setChosen((c) => ({ ...c, status: v as Filters['status'] }))}
        >
          {MODERATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORDS[s]}
            </option>
          ))}
          <option value="">Any status</option>
        </Select>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show
        </button>
      </form>
      <p className="govuk-body wt-status-line" role="status" tabIndex={-1} ref={status} data-testid="moderation-status">
        {announcement}
      </p>
      {problem && (
        <div data-refusal={problem.key}>
          <ProblemBox problem={{ ...problem, message: moderationProblemWords(problem) }} title="We could not load the queue" />
        </div>
      )}
      {!queue && !problem && <Loading>Loading the queue…</Loading>}
      {queue && !problem && (
        <>
          <p className="govuk-body" data-testid="queue-counts">
            {MODERATION_STATUSES.map((s) => `${queue.counts[s] ?? 0} ${STATUS_WORDS[s].toLowerCase()}`).join(', ')}
            {filters.kind ? ` (${KIND_WORDS[filters.kind].toLowerCase()})` : ''}.
          </p>
          {queue.items.length === 0 ? (
            <p className="govuk-body">Nothing {statusName} here.</p>
          ) : (
            <ul className="govuk-list wt-rounds">
              {queue.items.map((item) => (
                <QueueItem key={`${item.kind}-${item.id}-${item.status}`} item={item} onDone={done} />
              ))}
            </ul>
          )}
          {pages > 1 && (
            <nav className="govuk-pagination" aria-label="Pages of the queue">
              {filters.page > 1 && (
                <div className="govuk-pagination__prev">
                  <button
                    type="button"
                    className="govuk-link govuk-pagination__link wt-link-button"
                    onClick={() => show({ ...filters, page: filters.page - 1 })}
                  >
                    <span className="govuk-pagination__link-title">Previous page</span>
                  </button>
                </div>
              )}
              <p className="govuk-body govuk-pagination__list">
                Page {filters.page} of {pages}
              </p>
              {filters.page < pages && (
                <div className="govuk-pagination__next">
                  <button
                    type="button"
                    className="govuk-link govuk-pagination__link wt-link-button"
                    onClick={() => show({ ...filters, page: filters.page + 1 })}
                  >
                    <span className="govuk-pagination__link-title">Next page</span>
                  </button>
                </div>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}
