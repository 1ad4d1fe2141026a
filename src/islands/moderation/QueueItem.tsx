// One item in the moderation queue: its kind, text, status and last note, and the decisions its
// status allows, with the note (needed to return, and as the reason to hide). A refusal about the
// note is shown by it; any other by the buttons. What was typed stays in the box.
import { useState } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { moderate, type ModerationItem } from '../../lib/api/moderation';
import { actionsFor, KIND_WORDS, STATUS_WORDS, type ModerationAction } from '../../lib/moderation/lists';
import { moderationProblemWords } from '../../lib/moderation/refusal-words';
import { Textarea } from '../ui/Textarea';
import { useOnce } from '../ui/useOnce';

const ACTION_WORDS: Record<ModerationAction, { button: string; done: string }> = {
  approve: { button: 'Approve', done: 'Approved' },
  return: { button: 'Return with the note', done: 'Returned' },
  hide: { button: 'Hide with the reason', done: 'Hidden' },
  restore: { button: 'Restore', done: 'Restored, waiting to be checked again' },
};

const STATUS_TAGS: Record<ModerationItem['status'], string> = {
  waiting: 'govuk-tag--yellow',
  approved: 'govuk-tag--green',
  returned: 'govuk-tag--orange',
  hidden: 'govuk-tag--grey',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });

export function QueueItem({ item, onDone }: { item: ModerationItem; onDone: (message: string) => Promise<void> }) {
  const at = `item-${item.id}`;
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, once] = useOnce();
  const decide = (action: ModerationAction) =>
    once(async () => {
      const r = await moderate({ p_kind: item.kind, p_id: item.id, p_action: action, p_note: note.trim() || undefined }, 'form');
      if (!r.ok) return setProblem(r);
      setProblem(undefined);
      await onDone(`${ACTION_WORDS[action].done}: ${item.title}`);
    });
  const noteError = problem?.field === 'note' ? moderationProblemWords(problem) : undefined;
  const otherError = problem && !noteError ? moderationProblemWords(problem) : undefined;
  const actions = actionsFor(item.status);

  return (
    <li className="wt-card" data-testid="queue-item" data-kind={item.kind} data-id={item.id}>
      <p className="govuk-body-s">
        <strong className="govuk-tag govuk-tag--blue">{KIND_WORDS[item.kind]}</strong>{' '}
        <strong className={`govuk-tag ${STATUS_TAGS[item.status]}`}>{STATUS_WORDS[item.status]}</strong> Sent {when(item.submitted_at)}
      </p>
      <h2 className="govuk-heading-s">{item.title}</h2>
      <p className="govuk-body wt-queue__text">{item.excerpt}</p>
      {item.note && (
        <div className="govuk-inset-text">
          {item.status === 'hidden' ? 'Reason for hiding: ' : 'Note: '}
          {item.note}
        </div>
      )}
      {item.link && item.status === 'approved' && (
        <p className="govuk-body-s">
          <a className="govuk-link" href={item.link}>
            See it on the site<span className="govuk-visually-hidden">: {item.title}</span>
          </a>
        </p>
      )}
      {actions.some((a) => a !== 'restore') && (
        <Textarea
          id={`${at}-note`}
          label={
            <>
              Note<span className="govuk-visually-hidden"> on {item.title}</span>
            </>
          }
          hint="Needed to return it (say what should change) or to hide it (the reason). Kept with the decision."
          error={noteError}
          value={note}
          onChange={setNote}
          rows={2}
        />
      )}
      {otherError && (
        <p className="govuk-error-message" role="alert" data-refusal={problem?.key}>
          <span className="govuk-visually-hidden">Error:</span> {otherError}
        </p>
      )}
      <div className="govuk-button-group">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`govuk-button${a === 'approve' || a === 'restore' ? '' : ' govuk-button--secondary'}${a === 'hide' ? ' govuk-button--warning' : ''}`}
            aria-disabled={busy || undefined}
            onClick={() => void decide(a)}
          >
            {ACTION_WORDS[a].button}
            <span className="govuk-visually-hidden">: {item.title}</span>
          </button>
        ))}
      </div>
    </li>
  );
}
