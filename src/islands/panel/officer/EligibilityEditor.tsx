// /panel/eligibility/?fund=<slug>: an officer writes the fund's "Check if you can apply"
// questions: adds, changes, moves and removes them. Groups see them at /grants/check/?fund=<slug>.
// Only officers can change them; the database refuses anyone else and records every change.
import { useCallback, useEffect, useState } from 'react';
import type { ApiProblem, ApiResult } from '../../../lib/api-call';
import {
  addEligibilityQuestion,
  fundEligibility,
  moveEligibilityQuestion,
  removeEligibilityQuestion,
  updateEligibilityQuestion,
  type EligibilityQuestion,
  type FundEligibility,
} from '../../../lib/api/eligibility';
import { explainEditorRefusal } from '../../../lib/grants/eligibility-refusals';
import { checkAddress } from '../../../lib/grants/eligibility';
import { useOnce } from '../../ui/useOnce';
import { useSignedIn } from '../../ui/useSignedIn';
import { Loading, ProblemBox, queryParam, SignedInBar } from '../PanelParts';
import { useMyAccess } from '../useMyAccess';
import { EMPTY_QUESTION, QuestionForm } from './QuestionForm';
import { WhoCanApplyForm } from './WhoCanApplyForm';

export default function EligibilityEditor() {
  const user = useSignedIn();
  const access = useMyAccess(user);
  const slug = queryParam('fund') ?? '';
  const [data, setData] = useState<FundEligibility>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [editing, setEditing] = useState<string>();
  const [adding, setAdding] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [busy, once] = useOnce();
  const load = useCallback(async () => {
    const result = await fundEligibility({ p_fund_slug: slug }, 'form');
    if (result.ok) setData(result.data);
    else setProblem(result);
  }, [slug]);
  useEffect(() => {
    if (access?.is_officer) void load();
  }, [access, load]);

  if (!user || !access) return <Loading>Checking you are signed in…</Loading>;
  const back = { href: '/panel/setup/', label: 'Back to funds and rounds' };
  if (!access.is_officer)
    return (
      <>
        <SignedInBar email={user.email} back={back} />
        <h1 className="govuk-heading-l">Eligibility questions</h1>
        <p className="govuk-body">Only grants officers can change the eligibility questions.</p>
      </>
    );

  const act = (work: () => Promise<ApiResult<unknown>>, done: string) =>
    void once(async () => {
      const result = await work();
      if (!result.ok) {
        const refusal = explainEditorRefusal(result);
        setProblem(refusal ? { ...result, message: refusal.message } : result);
        return;
      }
      setProblem(undefined);
      setNotice(done);
      await load();
    });
  const questions = data?.questions ?? [];

  return (
    <div data-testid="eligibility-editor">
      <SignedInBar email={user.email} back={back} />
      <span className="govuk-caption-l">{data?.fund.name ?? 'A fund'}</span>
      <h1 className="govuk-heading-l">Eligibility questions</h1>
      <p className="govuk-body">
        Groups answer these one a page before they apply. An answer with a reason tells the group it cannot apply, and why.{' '}
        <a className="govuk-link" href={checkAddress(slug, 'start')}>
          See the questions as groups see them
        </a>
        .
      </p>
      {problem && <ProblemBox problem={problem} title="That did not work" />}
      {notice && (
        <p className="govuk-body" role="status" data-testid="editor-notice">
          {notice}
        </p>
      )}
      {!data && !problem && <Loading>Loading the questions…</Loading>}
      {data && <WhoCanApplyForm key={data.fund.id} fundId={data.fund.id} initial={data.fund.who_can_apply} onSaved={() => void load()} />}
      {data && <h2 className="govuk-heading-m">The questions</h2>}
      {data && questions.length === 0 && <p className="govuk-body">No questions yet: any group can go straight to applying.</p>}
      {questions.map((q, i) =>
        editing === q.id ? (
          <QuestionForm
            key={q.id}
            idPrefix={`edit-${i + 1}`}
            heading={`Change question ${i + 1}`}
            submitLabel="Save the question"
            initial={{ question: q.question, hint: q.hint, answers: q.answers }}
            save={(d) =>
              updateEligibilityQuestion({ p_question_id: q.id, p_question: d.question, p_hint: d.hint, p_answers: d.answers }, 'form')
            }
            onSaved={() => {
              setEditing(undefined);
              setNotice(`Question ${i + 1} saved.`);
              void load();
            }}
            onCancel={() => setEditing(undefined)}
          />
        ) : (
          <QuestionCard
            key={q.id}
            q={q}
            number={i + 1}
            last={i === questions.length - 1}
            busy={busy}
            onChange={() => setEditing(q.id)}
            onMove={(direction) =>
              act(() => moveEligibilityQuestion({ p_question_id: q.id, p_direction: direction }), `Question moved ${direction}.`)
            }
            onRemove={() => act(() => removeEligibilityQuestion({ p_question_id: q.id }), `Question “${q.question}” removed.`)}
          />
        ),
      )}
      {data && (
        <QuestionForm
          key={`add-${adding}`}
          idPrefix="new-question"
          heading="Add a question"
          submitLabel="Add the question"
          initial={EMPTY_QUESTION}
          save={(d) =>
            addEligibilityQuestion({ p_fund_id: data.fund.id, p_question: d.question, p_hint: d.hint, p_answers: d.answers }, 'form')
          }
          onSaved={() => {
            setAdding((n) => n + 1);
            setNotice('Question added.');
            void load();
          }}
        />
      )}
    </div>
  );
}

interface CardProps {
  q: EligibilityQuestion;
  number: number;
  last: boolean;
  busy: boolean;
  onChange: () => void;
  onMove: (direction: 'up' | 'down') => void;
  onRemove: () => void;
}

function QuestionCard({ q, number, last, busy, onChange, onMove, onRemove }: CardProps) {
  const hidden = <span className="govuk-visually-hidden"> question {number}</span>;
  return (
    <div className="govuk-summary-card" data-testid="eligibility-question">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {number}. {q.question}
        </h3>
        <ul className="govuk-summary-card__actions">
          <li className="govuk-summary-card__action">
            <button type="button" className="wt-link-button govuk-link" onClick={onChange}>
              Change{hidden}
            </button>
          </li>
          {number > 1 && (
            <li className="govuk-summary-card__action">
              <button type="button" className="wt-link-button govuk-link" aria-disabled={busy || undefined} onClick={() => onMove('up')}>
                Move up{hidden}
              </button>
            </li>
          )}
          {!last && (
            <li className="govuk-summary-card__action">
              <button type="button" className="wt-link-button govuk-link" aria-disabled={busy || undefined} onClick={() => onMove('down')}>
                Move down{hidden}
              </button>
            </li>
          )}
          <li className="govuk-summary-card__action">
            <button type="button" className="wt-link-button govuk-link" aria-disabled={busy || undefined} onClick={onRemove}>
              Remove{hidden}
            </button>
          </li>
        </ul>
      </div>
      <div className="govuk-summary-card__content">
        {q.hint && <p className="govuk-body govuk-hint">{q.hint}</p>}
        <dl className="govuk-summary-list">
          {q.answers.map((a) => (
            <div className="govuk-summary-list__row" key={a.answer}>
              <dt className="govuk-summary-list__key">{a.answer}</dt>
              <dd className="govuk-summary-list__value">{a.ineligible_reason ? `Cannot apply: ${a.ineligible_reason}` : 'Can carry on'}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
