// The review meetings on a round's way from the panel to Cabinet (for example, five meetings
// with councillors and the scrutiny committee). Officers record each one while the round is at
// 'recommended'; reviewing councillors then see them on their page, and may tie a comment to one.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { addReviewMeeting, type ReviewMeeting } from '../../../lib/api/review';
import { longDate } from '../../../lib/dates';
import { checkReviewMeeting, fieldFor, type MeetingField, type Problems } from '../../../lib/grants/officer-checks';
import { refusalWords } from '../../../lib/grants/refusals';
import { useOnce } from '../../ui/useOnce';
import { ProblemBox } from '../PanelParts';
import { ErrorList } from '../../ui/ErrorSummary';
import { TextInput } from '../../ui/TextInput';
import { Textarea } from '../../ui/Textarea';
import { useKeptForm } from './useKeptForm';
import { EMPTY_DATE, type DatePart } from '../../../lib/date-input';
import { dateBoxId, DateInput } from '../../ui/DateInput';

const REFUSAL_FIELDS = ['title', 'date', 'notes'] as const;

export function ReviewMeetingsSection({
  roundId,
  meetings,
  canAdd,
  onAdded,
}: {
  roundId: string;
  meetings: ReviewMeeting[];
  canAdd: boolean;
  onAdded: () => void;
}) {
  const [f, setF, forget] = useKeptForm(`meeting:${roundId}`, () => ({ title: '', date: { ...EMPTY_DATE }, notes: '' }));
  const [problems, setProblems] = useState<Problems<MeetingField>>({});
  const [dateParts, setDateParts] = useState<DatePart[]>();
  const [problem, setProblem] = useState<ApiProblem>();
  const [added, setAdded] = useState<string>();
  const [busy, once] = useOnce();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void once(async () => {
      setAdded(undefined);
      const { problems: found, dateParts: wrongBoxes, date } = checkReviewMeeting(f);
      setProblems(found);
      setDateParts(wrongBoxes);
      if (Object.keys(found).length || !date) return;
      setProblem(undefined);
      const saved = await addReviewMeeting({
        p_round_id: roundId,
        p_title: f.title.trim(),
        p_meeting_date: date,
        p_notes: f.notes.trim() || null,
      });
      if (!saved.ok) {
        const field = saved.status === 400 ? fieldFor(saved, REFUSAL_FIELDS) : undefined;
        return field ? setProblems({ [field]: refusalWords(saved) }) : setProblem(saved);
      }
      setAdded(`Recorded: ${f.title.trim()}, ${longDate(date)}.`);
      forget();
      onAdded();
    });
  };
  const errors = (['title', 'date', 'notes'] as const)
    .filter((k) => problems[k])
    .map((k) => ({ id: k === 'date' ? dateBoxId('meeting-date', dateParts) : `meeting-${k}`, message: problems[k]! }));
  return (
    <section aria-labelledby="meetings-heading" data-testid="review-meetings">
      <h2 className="govuk-heading-m" id="meetings-heading">
        Review meetings before Cabinet
      </h2>
      {meetings.length === 0 ? (
        <p className="govuk-body">No review meetings recorded yet.</p>
      ) : (
        <ol className="govuk-list govuk-list--number">
          {meetings.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong>, {longDate(m.meeting_date)}
              {m.notes && (
                <>
                  <br />
                  <span className="govuk-body-s">{m.notes}</span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {canAdd && (
        <form onSubmit={submit} noValidate aria-labelledby="add-meeting-heading">
          <h3 className="govuk-heading-s" id="add-meeting-heading">
            Record a review meeting
          </h3>
          <ErrorList errors={errors} />
          {problem && <ProblemBox problem={problem} title="The meeting was not recorded" />}
          <TextInput
            labelSize="s"
            id="meeting-title"
            label="Which meeting"
            hint="For example: Review meeting 1 of 5, or Performance scrutiny committee"
            value={f.title}
            error={problems.title}
            onChange={(v) => setF({ ...f, title: v })}
          />
          <DateInput
            id="meeting-date"
            legend="Date of the meeting"
            hint="For example, 12 3 2027"
            value={f.date}
            error={problems.date}
            errorParts={dateParts}
            onChange={(v) => setF({ ...f, date: v })}
          />
          <Textarea
            labelSize="s"
            rows={4}
            id="meeting-notes"
            label="What was said or agreed (optional)"
            value={f.notes}
            error={problems.notes}
            onChange={(v) => setF({ ...f, notes: v })}
          />
          <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
            Record the meeting
          </button>
          <p className="govuk-body" role="status">
            {added}
          </p>
        </form>
      )}
    </section>
  );
}
