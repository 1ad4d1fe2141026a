// /grants/check/?fund=<slug>&q=…: "Check if you can apply", one question a page (GOV.UK question
// pages), then a plain answer with its reason. The questions are the fund's own (officers edit
// them); the rule that turns answers into the verdict is src/lib/grants/eligibility.ts. Answers are
// kept for this browser tab only (sessionStorage), so Back, Change and a reload keep them and
// nothing about the group is sent anywhere.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { fundEligibility, openRounds, type FundEligibility, type OpenRound } from '../../lib/api/eligibility';
import { checkAddress, checkEligibility, type CheckPage } from '../../lib/grants/eligibility';
import { ErrorSummary } from '../ui/ErrorSummary';
import { Radios } from '../ui/Radios';
import { Loading, ProblemBox } from '../panel/PanelParts';
import { EligibilityResult } from './EligibilityResult';

type Where = { fund: string; page: CheckPage };

function readWhere(): Where {
  const q = new URLSearchParams(location.search);
  const page = q.get('q') ?? '';
  return { fund: q.get('fund') ?? '', page: page === 'result' ? 'result' : /^\d+$/.test(page) ? Number(page) : 'start' };
}

const storeKey = (fund: string) => `eligibility:${fund}`;

function loadAnswers(fund: string): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(storeKey(fund)) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export default function EligibilityCheck() {
  const [where, setWhere] = useState(readWhere);
  const [data, setData] = useState<FundEligibility | 'missing' | ApiProblem>();
  const [rounds, setRounds] = useState<OpenRound[]>([]);
  const [answers, setAnswers] = useState<Record<string, string>>(() => loadAnswers(where.fund));
  useEffect(() => {
    if (!where.fund) return setData('missing');
    void (async () => {
      const [found, open] = await Promise.all([fundEligibility({ p_fund_slug: where.fund }, 'form'), openRounds({}, 'form')]);
      if (open.ok) setRounds(open.data.filter((r) => r.fund.slug === where.fund));
      setData(found.ok ? found.data : found.key === 'fund_not_found' ? 'missing' : found);
    })();
    // The fund is read once: moving between its questions keeps it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const onPop = () => setWhere(readWhere());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((page: Where['page']) => {
    history.pushState(null, '', checkAddress(readWhere().fund, page));
    setWhere(readWhere());
    scrollTo(0, 0);
  }, []);
  const answer = (questionId: string, value: string) =>
    setAnswers((old) => {
      const next = { ...old, [questionId]: value };
      sessionStorage.setItem(storeKey(where.fund), JSON.stringify(next));
      return next;
    });

  if (data === undefined) return <Loading>Loading the questions…</Loading>;
  if (data === 'missing')
    return (
      <>
        <h1 className="govuk-heading-l">We could not find that fund</h1>
        <p className="govuk-body">
          Check the web address, or{' '}
          <a className="govuk-link" href="/grants/#open">
            choose a fund from the list
          </a>
          .
        </p>
      </>
    );
  if ('ok' in data) return <ProblemBox problem={data} title="We could not load the questions" />;
  return <Journey where={where} go={go} data={data} rounds={rounds} answers={answers} onAnswer={answer} />;
}

interface JourneyProps {
  where: Where;
  go: (page: Where['page']) => void;
  data: FundEligibility;
  rounds: OpenRound[];
  answers: Record<string, string>;
  onAnswer: (questionId: string, value: string) => void;
}

function Journey({ where, go, data, rounds, answers, onAnswer }: JourneyProps) {
  const { fund, questions } = data;
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  const verdict = checkEligibility(questions, answers);
  const asked = where.page;
  let page: Where['page'] = asked === 'result' ? 'result' : typeof asked === 'number' && questions[asked - 1] ? asked : 'start';
  // Jumping ahead of an unanswered question (an old link, a reload) starts at that question.
  if (verdict.outcome === 'unanswered') {
    const gap = questions.findIndex((q) => q.id === verdict.questionId) + 1;
    if (page === 'result' || (typeof page === 'number' && page > gap)) page = gap;
  }
  const index = typeof page === 'number' ? page - 1 : -1;
  const question = questions[index];

  // A new page: its heading takes focus, so a screen reader starts from the question.
  useEffect(() => {
    setError(undefined);
    const h1 = box.current?.querySelector('h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus();
    }
  }, [page]);
  const words =
    page === 'start'
      ? `Check if you can apply to the ${fund.name}`
      : page === 'result'
        ? 'Your answer'
        : questions[Number(page) - 1]?.question;
  useEffect(() => {
    if (words) document.title = `${error ? 'Error: ' : ''}${words} – Grants – Working Together`;
  }, [words, error]);
  return (
    <div ref={box}>
      <Page {...{ page, go, fund, questions, answers, onAnswer, rounds, verdict, error, setError, index, question }} />
    </div>
  );
}

interface PageProps {
  page: Where['page'];
  go: (page: Where['page']) => void;
  fund: FundEligibility['fund'];
  questions: FundEligibility['questions'];
  answers: Record<string, string>;
  onAnswer: (questionId: string, value: string) => void;
  rounds: OpenRound[];
  verdict: ReturnType<typeof checkEligibility>;
  error: string | undefined;
  setError: (error: string | undefined) => void;
  index: number;
  question: FundEligibility['questions'][number] | undefined;
}

function Page({ page, go, fund, questions, answers, onAnswer, rounds, verdict, error, setError, index, question }: PageProps) {
  if (page === 'start' || !question || typeof page !== 'number') {
    if (page === 'result')
      return <EligibilityResult fund={fund} questions={questions} answers={answers} verdict={verdict} rounds={rounds} />;
    return (
      <>
        <h1 className="govuk-heading-l wt-focus-heading">Check if you can apply to the {fund.name}</h1>
        {fund.description && <p className="govuk-body">{fund.description}</p>}
        {fund.who_can_apply && (
          <p className="govuk-body">
            <strong>Who can apply:</strong> {fund.who_can_apply}
          </p>
        )}
        {questions.length > 0 ? (
          <>
            <p className="govuk-body">
              Answer {questions.length} short question{questions.length === 1 ? '' : 's'} about your group and what the money is for. We
              will tell you straight away whether you can apply, and why.
            </p>
            <p className="govuk-body">Your answers stay on this device. We do not keep them.</p>
            <button type="button" className="govuk-button govuk-button--start" onClick={() => go(1)}>
              Start now
              <svg
                className="govuk-button__start-icon"
                xmlns="http://www.w3.org/2000/svg"
                width="17.5"
                height="19"
                viewBox="0 0 33 40"
                aria-hidden="true"
                focusable="false"
              >
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
              </svg>
            </button>
          </>
        ) : (
          <p className="govuk-body">There are no questions for this fund: any group described above can apply.</p>
        )}
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = question.answers.find((a) => a.answer === answers[question.id]);
    if (!chosen) return setError('Select an answer');
    // An answer that rules the group out ends the questions: the answer page says why at once.
    go(chosen.ineligible_reason || index + 1 >= questions.length ? 'result' : index + 2);
  };
  return (
    <>
      <a
        href={checkAddress(fund.slug, index === 0 ? 'start' : index)}
        className="govuk-back-link"
        onClick={(event) => {
          event.preventDefault();
          go(index === 0 ? 'start' : index);
        }}
      >
        Back
      </a>
      {error && <ErrorSummary items={[{ href: `#question-${question.id}`, message: error }]} />}
      <form onSubmit={submit} noValidate>
        <Radios
          idPrefix={`question-${question.id}`}
          name={`question-${question.id}`}
          legend={question.question}
          legendSize="l"
          legendHeading="h1"
          caption={
            <span className="govuk-caption-l">
              {fund.name}: question {index + 1} of {questions.length}
            </span>
          }
          hint={question.hint || undefined}
          error={error}
          items={question.answers.map((a, i) => ({
            value: a.answer,
            label: a.answer,
            id: i === 0 ? `question-${question.id}` : `question-${question.id}-${i}`,
          }))}
          value={answers[question.id]}
          onChange={(v) => {
            setError(undefined);
            onAnswer(question.id, v);
          }}
        />
        <button type="submit" className="govuk-button">
          Continue
        </button>
      </form>
    </>
  );
}
