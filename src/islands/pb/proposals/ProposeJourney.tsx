// /budgeting/propose/?p=<slug>&step=…: suggest a project, one question a page, then check your
// answers and send. /budgeting/propose/?id=<proposal>&step=… changes one's own idea with the
// same pages. Signed-out people are sent to sign in and brought back here. Every answer is kept
// on this device as it is typed (until the server has it), so a refusal, a reload, an ended
// session or signing in loses nothing; each refusal is shown by the field it concerns.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { editProposal, getProcess, listMyProposals, propose, type PbMyProposal, type PbProcess } from '../../../lib/api/pb-residents';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from '../../../lib/grants/local-drafts';
import {
  answersFrom,
  checkAll,
  checkStep,
  EMPTY_ANSWERS,
  firstStepWithProblem,
  nextPage,
  previousPage,
  STEP_FIELDS,
  stepOfField,
  STEPS,
  stepsFor,
  toApiFields,
  type Answers,
  type Errors,
  type Field,
  type Page,
  type Step,
} from '../../../lib/pb/proposal-form';
import { explainProposalRefusal } from '../../../lib/pb/proposal-refusals';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useOnce } from '../../ui/useOnce';
import { useSignedIn } from '../../ui/useSignedIn';
import { Loading, NotFound, ProblemBox } from '../process/PbParts';
import { ANSWER_LABELS, answerText, PageErrors, QUESTIONS } from './QuestionPages';

type Where = { slug?: string; id?: string; page: Page; back: boolean; number?: string; doneId?: string };

function readWhere(): Where {
  const q = new URLSearchParams(location.search);
  const step = q.get('step') ?? '';
  const page: Page = (STEPS as readonly string[]).includes(step) || step === 'check' || step === 'done' ? (step as Page) : 'title';
  return {
    slug: q.get('p') ?? undefined,
    id: q.get('id') ?? undefined,
    page,
    back: q.get('return') === 'check',
    number: q.get('n') ?? undefined,
    doneId: q.get('idea') ?? undefined,
  };
}

function addressOf(w: Where, page: Page, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (w.id) q.set('id', w.id);
  else if (w.slug) q.set('p', w.slug);
  q.set('step', page);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `/budgeting/propose/?${q.toString()}`;
}

type Loaded = { process: PbProcess; editing?: PbMyProposal };

function useJourneyData(where: Where, signedIn: boolean) {
  const [loaded, setLoaded] = useState<Loaded | 'missing' | ApiProblem>();
  useEffect(() => {
    if (!signedIn) return;
    void (async () => {
      let slug = where.slug;
      let editing: PbMyProposal | undefined;
      if (where.id) {
        const mine = await listMyProposals({}, 'form');
        if (!mine.ok) return setLoaded(mine);
        editing = mine.data.find((m) => m.id === where.id);
        if (!editing) return setLoaded('missing');
        slug = editing.process.slug;
      }
      if (!slug) return setLoaded('missing');
      const process = await getProcess({ p_slug: slug }, 'form');
      if (!process.ok) return setLoaded(process.key === 'process_not_found' ? 'missing' : process);
      setLoaded({ process: process.data, editing });
    })();
    // The address's process or idea is read once: moving between pages keeps them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signedIn]);
  return loaded;
}

export default function ProposeJourney() {
  const user = useSignedIn();
  const [where, setWhere] = useState(readWhere);
  const loaded = useJourneyData(where, Boolean(user));
  useEffect(() => {
    const onPop = () => setWhere(readWhere());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((url: string) => {
    history.pushState(null, '', url);
    setWhere(readWhere());
    scrollTo(0, 0);
  }, []);

  if (where.page === 'done') return <Done where={where} email={user?.email} />;
  if (!user || loaded === undefined) return <Loading>Loading…</Loading>;
  if (loaded === 'missing')
    return (
      <NotFound title="We could not find that idea or process">
        <p className="govuk-body">Check the web address, or start from the list of processes.</p>
      </NotFound>
    );
  if ('ok' in loaded) return <ProblemBox problem={loaded} title="We could not load this page" />;
  return <Journey where={where} go={go} process={loaded.process} editing={loaded.editing} />;
}

function Journey({ where, go, process, editing }: { where: Where; go: (url: string) => void; process: PbProcess; editing?: PbMyProposal }) {
  const draftKey = editing ? `pb-proposal:edit:${editing.id}` : `pb-proposal:new:${process.slug}`;
  const [answers, setAnswers] = useState<Answers>(() => {
    const kept = loadLocalDraft<Answers>(draftKey);
    const start = editing ? answersFrom(editing) : EMPTY_ANSWERS;
    return kept?.pending ? { ...start, ...kept.value } : start;
  });
  const [errors, setErrors] = useState<Errors>({});
  /** A refusal that concerns the whole form, not one answer. */
  const [formProblem, setFormProblem] = useState<string>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const heading = useRef<HTMLHeadingElement>(null);
  const context = { budget: process.budget, wards: process.wards, categories: process.categories };

  // A new page: its heading takes focus, so a screen reader starts from the question (unless
  // the page opens with an error summary, which takes focus itself).
  useEffect(() => {
    if (!document.querySelector('.govuk-error-summary')) heading.current?.focus();
  }, [where.page]);

  const update = (changes: Partial<Answers>) =>
    setAnswers((old) => {
      const next = { ...old, ...changes };
      saveLocalDraft(draftKey, next);
      return next;
    });

  const closed = process.phase !== 'proposals' || (editing && editing.status !== 'submitted');
  // Each question page has its own title, starting "Error: " while it shows errors (set after
  // render: a hook, so every page of the journey keeps the same order of hooks).
  const title = closed
    ? undefined
    : where.page === 'check'
      ? `${formProblem || problem ? 'Error: ' : ''}Check your answers`
      : where.page in QUESTIONS
        ? `${STEP_FIELDS[where.page as Step].some((f) => errors[f]) ? 'Error: ' : ''}${QUESTIONS[where.page as Step].heading}`
        : undefined;
  useEffect(() => {
    if (title) document.title = `${title} – Suggest a project – Working Together`;
  }, [title]);
  if (closed) {
    return (
      <>
        <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
          {editing ? 'This idea can no longer be changed' : `${process.title} is not taking ideas now`}
        </h1>
        <p className="govuk-body">
          {editing ? 'The council has started to look at it.' : 'Ideas can only be suggested while the process is at its ideas step.'}
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/budgeting/process/?p=${encodeURIComponent(process.slug)}`}>
            See what is happening in {process.title}
          </a>
        </p>
        {editing && (
          <p className="govuk-body">
            <a className="govuk-link" href="/budgeting/my-proposals/">
              Back to your ideas
            </a>
          </p>
        )}
      </>
    );
  }

  const caption = (
    <span className="govuk-caption-l">{editing ? `Change idea ${editing.number}` : `Suggest a project for ${process.title}`}</span>
  );

  if (where.page === 'check') {
    const send = async () => {
      setProblem(undefined);
      setFormProblem(undefined);
      const found = checkAll(answers, context);
      const first = firstStepWithProblem(found, context);
      if (first) {
        setErrors(found);
        return go(addressOf(where, first, { return: 'check' }));
      }
      const fields = toApiFields(answers);
      const result = editing
        ? await editProposal({ p_proposal_id: editing.id, ...fields })
        : await propose({ p_process_id: process.id, ...fields });
      if (result.ok) {
        clearLocalDraft(draftKey);
        return go(addressOf(where, 'done', { n: String(result.data.number), idea: result.data.id, ...(editing ? { changed: '1' } : {}) }));
      }
      if (result.offline || result.signedOut || result.status >= 500) return setProblem(result);
      const refusal = explainProposalRefusal(result);
      if (refusal.field) {
        setErrors({ [refusal.field]: refusal.message });
        return go(addressOf(where, stepOfField(refusal.field), { return: 'check' }));
      }
      setFormProblem(refusal.message);
    };
    const rows = stepsFor(context).flatMap((s) => STEP_FIELDS[s].map((f) => ({ step: s, field: f })));
    return (
      <>
        <a
          className="govuk-back-link"
          href={addressOf(where, stepsFor(context).at(-1)!)}
          onClick={(e) => {
            e.preventDefault();
            go(addressOf(where, stepsFor(context).at(-1)!));
          }}
        >
          Back
        </a>
        {problem && <ProblemBox problem={problem} />}
        {formProblem && <ErrorSummary items={[]} intro={formProblem} />}
        {caption}
        <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
          Check your answers before sending your idea
        </h1>
        <dl className="govuk-summary-list govuk-!-margin-bottom-9">
          {rows.map(({ step, field }) => (
            <div className="govuk-summary-list__row" key={field}>
              <dt className="govuk-summary-list__key">{ANSWER_LABELS[field]}</dt>
              <dd className="govuk-summary-list__value wt-pre-line">
                {answerText(field, answers, process) || <span className="govuk-hint">Not given</span>}
              </dd>
              <dd className="govuk-summary-list__actions">
                <a
                  className="govuk-link"
                  href={addressOf(where, step, { return: 'check' })}
                  onClick={(e) => {
                    e.preventDefault();
                    setErrors({});
                    go(addressOf(where, step, { return: 'check' }));
                  }}
                >
                  Change<span className="govuk-visually-hidden"> {ANSWER_LABELS[field].toLowerCase()}</span>
                </a>
              </dd>
            </div>
          ))}
        </dl>
        <h2 className="govuk-heading-m">Now send your idea</h2>
        <p className="govuk-body">
          {editing ? 'Your changes will replace what you sent before.' : 'Everyone will be able to read your idea, but not your name.'}{' '}
          Council officers check each idea can be done and what it would cost. You can change it until they start.
        </p>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void once(send);
          }}
          noValidate
        >
          <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
            {editing ? 'Save the changes' : 'Send your idea'}
          </button>
        </form>
      </>
    );
  }

  const step = where.page as Step;
  const question = QUESTIONS[step];
  const continueOn = (e: FormEvent) => {
    e.preventDefault();
    const found = checkStep(step, answers, context);
    setErrors(found);
    if (Object.keys(found).length) return;
    go(addressOf(where, where.back ? 'check' : nextPage(step, context)));
  };
  const before = previousPage(step, context);
  const backTo = where.back
    ? addressOf(where, 'check')
    : before
      ? addressOf(where, before)
      : editing
        ? '/budgeting/my-proposals/'
        : `/budgeting/process/?p=${encodeURIComponent(process.slug)}`;
  const pageErrors: Errors = Object.fromEntries(STEP_FIELDS[step].filter((f) => errors[f]).map((f) => [f, errors[f]])) as Errors;
  return (
    <>
      <a
        className="govuk-back-link"
        href={backTo}
        onClick={(e) => {
          if (backTo.startsWith('/budgeting/propose/')) {
            e.preventDefault();
            setErrors({});
            go(backTo);
          }
        }}
      >
        Back
      </a>
      <PageErrors errors={pageErrors} order={STEP_FIELDS[step] as Field[]} />
      <form onSubmit={continueOn} noValidate>
        {caption}
        <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
          {question.heading}
        </h1>
        {question.page({ process, answers, errors: pageErrors, update })}
        <button type="submit" className="govuk-button">
          Continue
        </button>
      </form>
      <p className="govuk-body-s">Your answers are kept on this device until you send them.</p>
    </>
  );
}

// A new idea is emailed to its author (the outbox's pb_proposal_received, queued with the idea);
// a change is not, so only a new idea's page promises an email.
function Done({ where, email }: { where: Where; email: string | undefined }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const changed = new URLSearchParams(location.search).get('changed') === '1';
  return (
    <>
      <div className="govuk-panel-lite" role="status">
        <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
          {changed ? 'Your changes have been saved' : 'Your idea has been sent'}
        </h1>
        {where.number && (
          <p className="govuk-body-l">
            Your idea's number is <strong>{where.number}</strong>
          </p>
        )}
      </div>
      {!changed && (
        <p className="govuk-body" data-testid="email-promise">
          We are sending a confirmation email to {email ? <strong>{email}</strong> : 'the email address you signed in with'}. It has your
          idea's number and a link to follow what happens to it.
        </p>
      )}
      <h2 className="govuk-heading-m">What happens next</h2>
      <p className="govuk-body">
        Your idea is now in the public list of ideas. You can change it or withdraw it until council officers start to check it.
      </p>
      <p className="govuk-body">
        Officers check whether each idea can be done and what it would really cost. They say why, in public, if an idea cannot go on the
        ballot.
      </p>
      <ul className="govuk-list">
        {where.doneId && (
          <li>
            <a className="govuk-link" href={`/budgeting/proposal/?id=${where.doneId}`}>
              See your idea as others see it
            </a>
          </li>
        )}
        <li>
          <a className="govuk-link" href="/budgeting/my-proposals/">
            See all your ideas
          </a>
        </li>
        {where.slug && (
          <li>
            <a className="govuk-link" href={`/budgeting/propose/?p=${encodeURIComponent(where.slug)}`}>
              Suggest another project
            </a>
          </li>
        )}
      </ul>
    </>
  );
}
