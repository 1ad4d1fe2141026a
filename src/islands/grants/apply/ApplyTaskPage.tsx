// /grants/apply/task/?round=<id>&task=<task>: one task of the application. "Save and continue"
// checks it in the browser (missing answers, real dates), then saves it on the server, which
// checks every format and marks the task complete. What is typed is also kept on this device
// until the server has it, so a refused save, a reload or an ended session loses nothing.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { saveApplyTask } from '../../../lib/api/applications-online';
import {
  answersFrom,
  checkTask,
  fieldAnchor,
  fieldProblem,
  formFrom,
  type FieldErrors,
  type FieldValue,
  type TaskForm,
} from '../../../lib/grants/apply-form';
import { isApplyTask, TASK_NAMES, type ApplyTask } from '../../../lib/grants/apply-tasks';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from '../../../lib/grants/local-drafts';
import { wordsFor } from '../../../lib/refusals/applications';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useOnce } from '../../ui/useOnce';
import { useSignedIn } from '../../ui/useSignedIn';
import {
  checkUrl,
  Deadline,
  Loading,
  lockedReason,
  LockedBanner,
  NotFound,
  ProblemBox,
  queryParam,
  taskListUrl,
  usePageTitle,
} from './ApplyParts';
import { TaskFields } from './TaskFields';
import { useApplyRound, type Loaded } from './useApplyRound';

export default function ApplyTaskPage() {
  const user = useSignedIn();
  const { loaded } = useApplyRound(user, queryParam('round'));
  const task = queryParam('task');
  if (!user || loaded === undefined) return <Loading>Loading your application…</Loading>;
  if (loaded === 'missing' || !isApplyTask(task)) return <NotFound />;
  if ('ok' in loaded) return <ProblemBox problem={loaded} title="We could not load your application" />;
  return <TaskPage loaded={loaded} task={task} />;
}

function TaskPage({ loaded, task }: { loaded: Loaded; task: ApplyTask }) {
  const { round, application } = loaded;
  const draftKey = `apply:${round.id}:${task}`;
  const [form, setForm] = useState<TaskForm>(() => {
    const kept = loadLocalDraft<TaskForm>(draftKey);
    return kept?.pending ? { ...formFrom(task, application?.answers[task]), ...kept.value } : formFrom(task, application?.answers[task]);
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiProblem>();
  const [formProblem, setFormProblem] = useState<string>();
  const [busy, once] = useOnce();
  const heading = useRef<HTMLHeadingElement>(null);
  const back = new URLSearchParams(location.search).get('return') === 'check';
  const hasErrors = Object.keys(errors).length > 0 || Boolean(formProblem);
  usePageTitle(TASK_NAMES[task], hasErrors);
  useEffect(() => heading.current?.focus(), []);

  const locked =
    lockedReason(round, application) ??
    (application?.status === 'reopened' && application.reopened_task !== task
      ? 'Only the part of your application the grants team asked about can be changed now.'
      : undefined);

  const update = (name: string, value: FieldValue) =>
    setForm((old) => {
      const next = { ...old, [name]: value };
      saveLocalDraft(draftKey, next);
      return next;
    });

  const save = async () => {
    setProblem(undefined);
    setFormProblem(undefined);
    const found = checkTask(task, form);
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await saveApplyTask({ p_round_id: round.id, p_task: task, p_answers: answersFrom(task, form) }, 'device');
    if (result.ok) {
      clearLocalDraft(draftKey);
      location.assign(back ? checkUrl(round.id) : `${taskListUrl(round.id)}&saved=${task}`);
      return;
    }
    if (result.offline || result.signedOut || result.status >= 500) return setProblem(result);
    const about = fieldProblem(task, result);
    if (about) setErrors({ [about.field]: { message: about.message } });
    else setFormProblem(wordsFor(result));
  };

  const summary = Object.entries(errors).map(([field, e]) => ({ href: `#${fieldAnchor(field, e.parts)}`, message: e.message }));
  return (
    <>
      <a className="govuk-back-link" href={back ? checkUrl(round.id) : taskListUrl(round.id)}>
        Back
      </a>
      {problem && <ProblemBox problem={problem} title="Your answers have not been saved yet" />}
      <ErrorSummary items={summary} intro={formProblem} />
      <span className="govuk-caption-l">{round.title}</span>
      <h1 className="govuk-heading-l wt-focus-heading" ref={heading} tabIndex={-1}>
        {TASK_NAMES[task]}
      </h1>
      {locked ? (
        <LockedBanner reason={locked} roundId={round.id} />
      ) : (
        <>
          {application?.status === 'reopened' && application.reopened_message && (
            <div className="govuk-inset-text wt-pre-line" data-testid="reopened">
              The grants team asked: {application.reopened_message}
            </div>
          )}
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void once(save);
            }}
            noValidate
          >
            <TaskFields task={task} form={form} errors={errors} update={update} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
                Save and continue
              </button>
              <a className="govuk-link" href={taskListUrl(round.id)}>
                Back to the task list without saving
              </a>
            </div>
          </form>
          <Deadline round={round} />
          <p className="govuk-body-s">What you type is kept on this device until it is saved.</p>
        </>
      )}
    </>
  );
}
