// The round's applications sent online, for officers: how complete each is (the summary still to
// write, optional answers left out), whether the applicant has been asked for more, and the form
// to ask them for missing information (one section reopened, with an email). Summaries are
// written in the applications list above, as for any application.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { askForInformation, listOnlineApplications, type OfficerOnlineApplication } from '../../../lib/api/applications-online';
import { formatTime, poundsText } from '../../../lib/grants/apply-form';
import { APPLY_TASKS, TASK_NAMES, type ApplyTask } from '../../../lib/grants/apply-tasks';
import { wordsFor } from '../../../lib/refusals/applications';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Radios } from '../../ui/Radios';
import { Textarea } from '../../ui/Textarea';
import { useOnce } from '../../ui/useOnce';
import { ProblemBox } from '../PanelParts';

const MISSING_WORDS: Record<string, string> = {
  summary: 'no summary yet',
  registration_number: 'no charity or company number',
  contact_phone: 'no phone number',
  other_funding: 'no other funding given',
};

export function OnlineApplicationsSection({ roundId, canAsk, changedAt }: { roundId: string; canAsk: boolean; changedAt?: unknown }) {
  const [list, setList] = useState<OfficerOnlineApplication[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [asking, setAsking] = useState<string>();
  const load = useCallback(async () => {
    const result = await listOnlineApplications({ p_round_id: roundId });
    if (result.ok) setList(result.data);
    else setProblem(result);
  }, [roundId]);
  useEffect(() => void load(), [load, changedAt]);
  return (
    <section aria-labelledby="online-heading" data-testid="online-applications">
      <h2 className="govuk-heading-m" id="online-heading">
        Applications sent online
      </h2>
      {problem && <ProblemBox problem={problem} />}
      {list?.length === 0 && <p className="govuk-body">No applications have been sent online to this round yet.</p>}
      {list && list.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Applications sent online and how complete each is</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Reference
              </th>
              <th scope="col" className="govuk-table__header">
                Organisation and project
              </th>
              <th scope="col" className="govuk-table__header">
                Sent
              </th>
              <th scope="col" className="govuk-table__header">
                Completeness
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {list.map((a) => (
              <tr className="govuk-table__row" key={a.application_id} data-testid={`online-${a.reference}`}>
                <td className="govuk-table__cell">{a.reference}</td>
                <td className="govuk-table__cell">
                  {a.organisation_name}: {a.project_title} ({poundsText(Number(a.amount_requested))})
                </td>
                <td className="govuk-table__cell">{formatTime(a.submitted_at)}</td>
                <td className="govuk-table__cell">
                  {a.status === 'reopened' ? (
                    <strong className="govuk-tag govuk-tag--orange">Waiting for the applicant: {TASK_NAMES[a.reopened_task!]}</strong>
                  ) : a.missing.length === 0 ? (
                    <strong className="govuk-tag govuk-tag--green">Complete</strong>
                  ) : (
                    a.missing.map((m) => MISSING_WORDS[m] ?? m).join(', ')
                  )}
                </td>
                <td className="govuk-table__cell">
                  {canAsk && a.status === 'submitted' && (
                    <button type="button" className="wt-link-button govuk-link" onClick={() => setAsking(a.application_id)}>
                      Ask for missing information<span className="govuk-visually-hidden"> about {a.reference}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && list && (
        <AskForm
          application={list.find((a) => a.application_id === asking)!}
          onDone={() => {
            setAsking(undefined);
            void load();
          }}
          onCancel={() => setAsking(undefined)}
        />
      )}
    </section>
  );
}

function AskForm({ application, onDone, onCancel }: { application: OfficerOnlineApplication; onDone: () => void; onCancel: () => void }) {
  const [task, setTask] = useState<ApplyTask>();
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<{ task?: string; message?: string; form?: string }>({});
  const [busy, once] = useOnce();
  const send = async () => {
    const found = {
      ...(task ? {} : { task: 'Choose the section the applicant needs to change' }),
      ...(message.trim() ? {} : { message: 'Enter what information you need' }),
    };
    setErrors(found);
    if (!task || Object.keys(found).length) return;
    const result = await askForInformation({ p_application_id: application.application_id, p_task: task, p_message: message });
    if (result.ok) return onDone();
    if (result.field === 'message') setErrors({ message: wordsFor(result) });
    else setErrors({ form: wordsFor(result) });
  };
  return (
    <form
      className="wt-summary-editor"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void once(send);
      }}
      aria-labelledby="ask-heading"
    >
      <h3 className="govuk-heading-s" id="ask-heading">
        Ask for missing information: {application.reference}
      </h3>
      <ErrorSummary
        heading="h4"
        intro={errors.form}
        items={[
          ...(errors.task ? [{ href: '#ask-task', message: errors.task }] : []),
          ...(errors.message ? [{ href: '#ask-message', message: errors.message }] : []),
        ]}
      />
      <Radios
        idPrefix="ask-task"
        name="ask-task"
        legend="Which section should the applicant change?"
        legendSize="s"
        hint="Only this section is reopened. The applicant changes it and sends the application again."
        items={APPLY_TASKS.map((t) => ({ value: t, label: TASK_NAMES[t] }))}
        value={task}
        onChange={setTask}
        error={errors.task}
      />
      <Textarea
        id="ask-message"
        label="What do you need?"
        labelSize="s"
        hint="This goes in the email to the applicant, so write it for them."
        value={message}
        onChange={setMessage}
        error={errors.message}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" aria-disabled={busy || undefined}>
          Send the request
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
