// /projects/update/: a project lead's monthly updates. Without ?project= it lists the projects
// they lead and their updates; with ?project=<slug> (and ?id=<update> to carry on with one) it
// is the GOV.UK form: the answers, "Save as draft" (kept on the server), then "Check your answers"
// and "Send for approval". A returned update shows the officer's note above the form. Every rule
// is the database's; this screen checks the same rules first so the lead hears of a problem early.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { myLedProjects, saveProjectUpdate, submitProjectUpdate, type LedProject, type ProjectUpdate } from '../../lib/api/project-updates';
import { monthYear } from '../../lib/dates';
import {
  answersFrom,
  checkAnswers,
  emptyAnswers,
  fieldOfRefusal,
  FIELDS,
  monthChoices,
  toApiFields,
  type Answers,
  type Errors,
  type Field,
} from '../../lib/projects/update-form';
import { ErrorSummary } from '../ui/ErrorSummary';
import { Select } from '../ui/Select';
import { Textarea } from '../ui/Textarea';
import { TextInput } from '../ui/TextInput';
import { useSignedIn } from '../ui/useSignedIn';
import { Loading, ProblemBox, queryParam } from '../panel/PanelParts';
import { UpdateStatusTag, UpdateSummary, wordsFor } from './UpdateParts';

type View = 'form' | 'check' | 'sent';

const formUrl = (slug: string, id?: string) =>
  `/projects/update/?project=${encodeURIComponent(slug)}${id ? `&id=${encodeURIComponent(id)}` : ''}`;
const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export default function LeadUpdates() {
  const user = useSignedIn();
  const [projects, setProjects] = useState<LedProject[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  useEffect(() => {
    if (!user) return;
    void myLedProjects({}).then((r) => (r.ok ? setProjects(r.data) : setProblem(r)));
  }, [user]);
  if (problem) return <ProblemBox problem={{ ...problem, message: wordsFor(problem) }} />;
  if (!projects) return <Loading>Loading your projects…</Loading>;
  const slug = queryParam('project');
  if (!slug) return <YourProjects projects={projects} />;
  const project = projects.find((p) => p.slug === slug);
  if (!project)
    return (
      <>
        <h1 className="govuk-heading-l">Write a project update</h1>
        <p className="govuk-body">
          {wordsFor({ ok: false, key: 'not_project_lead', message: '', status: 403, offline: false, signedOut: false })}
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="/projects/update/">
            See the projects you lead
          </a>
        </p>
      </>
    );
  const id = queryParam('id');
  return <UpdateJourney project={project} update={id ? project.updates.find((u) => u.id === id) : undefined} />;
}

function YourProjects({ projects }: { projects: LedProject[] }) {
  return (
    <>
      <h1 className="govuk-heading-l">Your project updates</h1>
      {projects.length === 0 && (
        <p className="govuk-body">You are not named as the lead of any project. If you lead one, ask the co-production team to add you.</p>
      )}
      {projects.map((p) => (
        <section key={p.slug} aria-labelledby={`project-${p.slug}`}>
          <h2 className="govuk-heading-m" id={`project-${p.slug}`}>
            {p.title}
          </h2>
          <p className="govuk-body">
            <a className="govuk-button govuk-!-margin-bottom-2" href={formUrl(p.slug)}>
              Write an update<span className="govuk-visually-hidden"> for {p.title}</span>
            </a>
          </p>
          {p.updates.length > 0 && (
            <ul className="govuk-list">
              {p.updates.map((u) => (
                <li key={u.id}>
                  <a className="govuk-link" href={formUrl(p.slug, u.id)}>
                    {monthYear(u.month)}: {u.title ?? 'Untitled draft'}
                  </a>{' '}
                  <UpdateStatusTag status={u.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function UpdateJourney({ project, update: initial }: { project: LedProject; update?: ProjectUpdate }) {
  const [update, setUpdate] = useState(initial);
  const [answers, setAnswers] = useState<Answers>(initial ? answersFrom(initial) : emptyAnswers());
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string>();
  const [savedAt, setSavedAt] = useState<string>();
  const [view, setView] = useState<View>('form');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusOn = useRef<Field>(undefined);
  useEffect(() => {
    if (focusOn.current) {
      document.getElementById(focusOn.current)?.focus();
      focusOn.current = undefined;
    } else heading.current?.focus();
  }, [view]);

  const editable = !update || update.status === 'draft' || update.status === 'returned';
  const show = (next: View) => {
    setView(next);
    window.scrollTo(0, 0);
  };
  const refused = (r: ApiProblem) => {
    const field = fieldOfRefusal(r.field);
    if (field) {
      setErrors({ [field]: wordsFor(r) });
      setProblem(undefined);
      show('form');
    } else setProblem(wordsFor(r));
  };

  async function save(sending: boolean): Promise<ProjectUpdate | undefined> {
    const found = checkAnswers(answers, sending);
    setErrors(found);
    setProblem(undefined);
    if (Object.keys(found).length > 0) return undefined;
    setBusy(true);
    const r = await saveProjectUpdate({ p_id: update?.id ?? null, ...toApiFields(project.slug, answers) }, 'form');
    setBusy(false);
    if (!r.ok) {
      refused(r);
      return undefined;
    }
    setUpdate(r.data);
    if (!update) history.replaceState(null, '', formUrl(project.slug, r.data.id));
    setSavedAt(r.data.updated_at);
    return r.data;
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const button = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const saved = await save(button?.value !== 'draft');
    if (saved && button?.value !== 'draft') show('check');
  }

  async function send() {
    if (!update) return;
    setBusy(true);
    const r = await submitProjectUpdate({ p_id: update.id }, 'form');
    setBusy(false);
    if (!r.ok) return refused(r);
    setUpdate(r.data);
    show('sent');
  }

  if (view === 'sent')
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title" tabIndex={-1} ref={heading}>
            Update sent
          </h1>
          <div className="govuk-panel__body">An officer will read it</div>
        </div>
        <p className="govuk-body">
          We have sent your update for {project.title} to the co-production team. When an officer approves it, it appears on the
          project&apos;s page and we email you. If they return it with a note, we email you too, and you can change it and send it again.
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href="/projects/update/">
            See all your updates
          </a>
        </p>
      </>
    );

  if (view === 'check' && update)
    return (
      <>
        <span className="govuk-caption-l">{project.title}</span>
        <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
          Check your update before sending it
        </h1>
        {problem && <ErrorSummary items={[]} intro={problem} />}
        <UpdateSummary
          update={update}
          onChange={(field) => {
            focusOn.current = field;
            show('form');
          }}
        />
        <h2 className="govuk-heading-m">Now send your update</h2>
        <p className="govuk-body">An officer will read it before it is published on the project&apos;s page.</p>
        <button type="button" className="govuk-button" disabled={busy} onClick={() => void send()}>
          Send for approval
        </button>
      </>
    );

  const errorItems = FIELDS.filter(({ field }) => errors[field]).map(({ field }) => ({ href: `#${field}`, message: errors[field]! }));
  return (
    <>
      <span className="govuk-caption-l">{project.title}</span>
      <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
        {update ? 'Your project update' : 'Write a project update'}
      </h1>
      <ErrorSummary items={errorItems} intro={problem} />
      {update?.status === 'returned' && update.note && (
        <div className="govuk-notification-banner" role="region" aria-labelledby="returned-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="returned-title">
              Returned to you
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">An officer asked for a change:</p>
            <p className="govuk-body wt-pre-line">{update.note}</p>
            <p className="govuk-body">Change your update, then send it again.</p>
          </div>
        </div>
      )}
      {!editable && update && (
        <>
          <p className="govuk-body">
            <UpdateStatusTag status={update.status} />
          </p>
          <p className="govuk-body">
            {update.status === 'waiting'
              ? 'This update is waiting for an officer, so it cannot be changed now.'
              : update.status === 'approved'
                ? 'This update is published on the project page.'
                : 'An officer has hidden this update.'}
          </p>
          {update.status === 'hidden' && update.note && <p className="govuk-body">The reason: {update.note}</p>}
          <UpdateSummary update={update} />
        </>
      )}
      {editable && (
        <form noValidate onSubmit={(e) => void onSubmit(e)}>
          {savedAt && (
            <div className="govuk-inset-text" role="status">
              Draft saved at {time(savedAt)}.
            </div>
          )}
          <p className="govuk-body">
            Fill in &quot;What happened this month&quot;, or at least one of &quot;We asked&quot;, &quot;You said&quot; and &quot;We
            did&quot;.
          </p>
          {FIELDS.map(({ field, label, hint, long }) => {
            const common = {
              id: field,
              label,
              labelSize: 's' as const,
              hint,
              error: errors[field],
              value: answers[field],
              onChange: (value: string) => setAnswers({ ...answers, [field]: value }),
            };
            if (field === 'month')
              return (
                <Select key={field} {...common}>
                  {monthChoices().map((m) => (
                    <option key={m.value} value={m.value}>
                      {m.label}
                    </option>
                  ))}
                </Select>
              );
            return long ? <Textarea key={field} {...common} rows={4} /> : <TextInput key={field} {...common} />;
          })}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" value="check" disabled={busy}>
              Continue
            </button>
            <button type="submit" className="govuk-button govuk-button--secondary" value="draft" disabled={busy}>
              Save as draft
            </button>
          </div>
        </form>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href="/projects/update/">
          See all your updates
        </a>
      </p>
    </>
  );
}
