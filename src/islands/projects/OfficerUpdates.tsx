// /projects/officer/: officers read the updates leads have sent, approve them (published on the
// project page) or return them with a note the lead reads, hide a published one with a reason
// or restore a hidden one; and name each project's leads. ?id=<update> opens on one update (the
// link in the officers' email). Every rule is the database's; this screen explains its answers.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import {
  assignProjectLead,
  moderateProjectUpdate,
  officerProjectUpdates,
  projectLeads,
  removeProjectLead,
  type ModerationAction,
  type ProjectUpdate,
  type ProjectWithLeads,
} from '../../lib/api/project-updates';
import { monthYear } from '../../lib/dates';
import type { UpdateStatus } from '../../lib/projects/update-rules';
import { ErrorSummary } from '../ui/ErrorSummary';
import { Select } from '../ui/Select';
import { Textarea } from '../ui/Textarea';
import { TextInput } from '../ui/TextInput';
import { useSignedIn } from '../ui/useSignedIn';
import { Loading, ProblemBox, queryParam } from '../panel/PanelParts';
import { UpdateStatusTag, UpdateSummary, wordsFor } from './UpdateParts';

const SECTIONS: { status: UpdateStatus; heading: string; none: string }[] = [
  { status: 'waiting', heading: 'Waiting for you', none: 'No updates are waiting.' },
  { status: 'returned', heading: 'Returned to their leads', none: 'No updates are with their leads.' },
  { status: 'approved', heading: 'Published', none: 'No updates written online are published yet.' },
  { status: 'hidden', heading: 'Hidden', none: 'No updates are hidden.' },
];

export default function OfficerUpdates() {
  const user = useSignedIn();
  const [updates, setUpdates] = useState<ProjectUpdate[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const load = useCallback(() => {
    void officerProjectUpdates({}).then((r) => (r.ok ? setUpdates(r.data) : setProblem(r)));
  }, []);
  useEffect(() => {
    if (user) load();
  }, [user, load]);
  if (problem) return <ProblemBox problem={{ ...problem, message: wordsFor(problem) }} />;
  if (!updates) return <Loading>Loading project updates…</Loading>;
  const opened = queryParam('id');
  const replace = (u: ProjectUpdate) => setUpdates(updates.map((x) => (x.id === u.id ? u : x)));
  return (
    <>
      <h1 className="govuk-heading-l">Project updates</h1>
      <p className="govuk-body">
        Project leads send their monthly updates here. Approve an update to publish it on its project&apos;s page, or return it to the lead
        with a note saying what to change.
      </p>
      {SECTIONS.map(({ status, heading, none }) => {
        const these = updates.filter((u) => u.status === status);
        return (
          <section key={status} aria-labelledby={`section-${status}`}>
            <h2 className="govuk-heading-m" id={`section-${status}`}>
              {heading} ({these.length})
            </h2>
            {these.length === 0 && <p className="govuk-body">{none}</p>}
            {these.map((u) => (
              <UpdateCard key={u.id} update={u} open={u.id === opened || status === 'waiting'} onDecided={replace} />
            ))}
          </section>
        );
      })}
      <Leads />
    </>
  );
}

function UpdateCard({ update, open, onDecided }: { update: ProjectUpdate; open: boolean; onDecided: (u: ProjectUpdate) => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ message: string; onNote: boolean }>();
  const [busy, setBusy] = useState(false);
  const id = `update-${update.id}`;
  async function decide(action: ModerationAction) {
    setBusy(true);
    const r = await moderateProjectUpdate({ p_id: update.id, p_action: action, p_note: note || null }, 'form');
    setBusy(false);
    if (!r.ok) return setError({ message: wordsFor(r), onNote: r.field === 'note' });
    setError(undefined);
    setNote('');
    onDecided(r.data);
  }
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const action = ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value as ModerationAction | undefined;
    if (action) void decide(action);
  };
  const noteLabel =
    update.status === 'approved' || update.status === 'returned' ? 'Note to the lead, or the reason for hiding it' : 'Note to the lead';
  return (
    <details className="govuk-details" open={open} id={id}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {update.project_title}: {update.title} ({monthYear(update.month)})
        </span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">
          <UpdateStatusTag status={update.status} /> Sent by {update.author_name ?? 'a project lead'}
        </p>
        {update.note && (
          <div className="govuk-inset-text">
            {update.status === 'hidden' ? 'Why it was hidden' : 'Your note'}: {update.note}
          </div>
        )}
        <UpdateSummary update={update} />
        <form noValidate onSubmit={onSubmit}>
          {error && (
            <ErrorSummary
              items={error.onNote ? [{ href: `#${id}-note`, message: error.message }] : []}
              intro={error.onNote ? undefined : error.message}
              heading="h3"
            />
          )}
          {update.status !== 'hidden' && (
            <Textarea
              id={`${id}-note`}
              label={noteLabel}
              labelSize="s"
              hint={update.status === 'waiting' ? 'Needed if you return it. The lead reads this note.' : 'Needed to return or hide it.'}
              error={error?.onNote ? error.message : undefined}
              value={note}
              onChange={setNote}
              rows={3}
            />
          )}
          <div className="govuk-button-group">
            {update.status === 'waiting' && (
              <button type="submit" value="approve" className="govuk-button" disabled={busy}>
                Approve and publish
              </button>
            )}
            {(update.status === 'waiting' || update.status === 'approved') && (
              <button type="submit" value="return" className="govuk-button govuk-button--secondary" disabled={busy}>
                Return to the lead
              </button>
            )}
            {update.status !== 'hidden' && (
              <button type="submit" value="hide" className="govuk-button govuk-button--warning" disabled={busy}>
                Hide
              </button>
            )}
            {update.status === 'hidden' && (
              <button type="submit" value="restore" className="govuk-button govuk-button--secondary" disabled={busy}>
                Restore to be decided again
              </button>
            )}
          </div>
        </form>
        {update.status === 'approved' && (
          <p className="govuk-body">
            <a className="govuk-link" href={`/projects/${update.project_slug}/`}>
              See it on the project page
            </a>
          </p>
        )}
      </div>
    </details>
  );
}

function Leads() {
  const [projects, setProjects] = useState<ProjectWithLeads[]>();
  const [slug, setSlug] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<{ field: 'lead-project' | 'lead-email'; message: string }>();
  const [done, setDone] = useState<string>();
  const load = () => void projectLeads({}).then((r) => r.ok && setProjects(r.data));
  useEffect(load, []);
  if (!projects) return null;
  async function assign(e: FormEvent) {
    e.preventDefault();
    if (!slug) return setError({ field: 'lead-project', message: 'Choose a project.' });
    const r = await assignProjectLead({ p_project_slug: slug, p_email: email }, 'form');
    if (!r.ok) return setError({ field: r.field === 'project' ? 'lead-project' : 'lead-email', message: wordsFor(r) });
    setError(undefined);
    setDone(`${email} now leads ${projects!.find((p) => p.slug === slug)?.title ?? slug}.`);
    setEmail('');
    load();
  }
  async function remove(projectSlug: string, personId: string) {
    const r = await removeProjectLead({ p_project_slug: projectSlug, p_person_id: personId }, 'form');
    if (!r.ok) return setError({ field: 'lead-project', message: wordsFor(r) });
    load();
  }
  return (
    <section aria-labelledby="leads-heading">
      <h2 className="govuk-heading-m" id="leads-heading">
        Project leads
      </h2>
      <form noValidate onSubmit={(e) => void assign(e)}>
        {error && <ErrorSummary items={[{ href: `#${error.field}`, message: error.message }]} heading="h3" />}
        {done && (
          <div className="govuk-inset-text" role="status">
            {done}
          </div>
        )}
        <Select
          id="lead-project"
          label="Project"
          labelSize="s"
          value={slug}
          onChange={setSlug}
          error={error?.field === 'lead-project' ? error.message : undefined}
        >
          <option value="">Choose a project</option>
          {projects.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.title}
            </option>
          ))}
        </Select>
        <TextInput
          id="lead-email"
          label="The lead's email address"
          labelSize="s"
          hint="The address they sign in with."
          type="email"
          width="30"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={error?.field === 'lead-email' ? error.message : undefined}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Name as lead
        </button>
      </form>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Who leads each project</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Project
            </th>
            <th scope="col" className="govuk-table__header">
              Leads
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {projects.map((p) => (
            <tr className="govuk-table__row" key={p.slug}>
              <th scope="row" className="govuk-table__header">
                {p.title}
              </th>
              <td className="govuk-table__cell">
                {p.leads.length === 0 && 'No lead yet'}
                <ul className="govuk-list">
                  {p.leads.map((l) => (
                    <li key={l.person_id}>
                      {l.name} ({l.email}){' '}
                      <button type="button" className="govuk-link wt-link-button" onClick={() => void remove(p.slug, l.person_id)}>
                        Remove
                        <span className="govuk-visually-hidden">
                          {' '}
                          {l.name} as lead of {p.title}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
