// A process's wards or categories: what proposals say they are for and what the public list
// filters by. Add, rename, and remove one no proposal uses (the database says if one does).
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { pbAddCategory, pbAddWard, pbRemoveChoice, pbRenameChoice, type PbChoice } from '../../../lib/api/pb-officers';
import { refusalWords } from '../../../lib/pb/officer-refusal-words';
import { TextInput } from '../../ui/TextInput';
import { useOnce } from '../../ui/useOnce';
import { RefusedLine } from './Refused';

const WORDS = {
  ward: { heading: 'Wards', one: 'ward', hint: 'Like Blackbird Leys, or Didcot North East' },
  category: { heading: 'Categories', one: 'category', hint: 'Like Parks and green spaces, or Young people' },
};

export function ChoicesSection({
  processId,
  kind,
  choices,
  onChanged,
}: {
  processId: string;
  kind: 'ward' | 'category';
  choices: PbChoice[];
  onChanged: () => Promise<void>;
}) {
  const w = WORDS[kind];
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<{ id: string; name: string; error?: string }>();
  const [problem, setProblem] = useState<ApiProblem & { at: string }>();
  const [busy, once] = useOnce();
  const add = () =>
    once(async () => {
      if (!name.trim()) return setError(`Enter the name of the ${w.one}`);
      const r = await (kind === 'ward' ? pbAddWard : pbAddCategory)({ p_process_id: processId, p_name: name.trim() }, 'form');
      if (!r.ok) return setError(refusalWords(r));
      setError(undefined);
      setName('');
      await onChanged();
    });
  const rename = () =>
    once(async () => {
      if (!editing) return;
      if (!editing.name.trim()) return setEditing({ ...editing, error: `Enter the new name of the ${w.one}` });
      const r = await pbRenameChoice({ p_kind: kind, p_id: editing.id, p_name: editing.name.trim() }, 'form');
      if (!r.ok) return setEditing({ ...editing, error: refusalWords(r) });
      setEditing(undefined);
      await onChanged();
    });
  const remove = (id: string) =>
    once(async () => {
      const r = await pbRemoveChoice({ p_kind: kind, p_id: id }, 'form');
      if (!r.ok) return setProblem({ ...r, at: id });
      setProblem(undefined);
      await onChanged();
    });
  return (
    <section aria-labelledby={`${kind}-heading`} data-testid={`${kind}-section`}>
      <h2 className="govuk-heading-m" id={`${kind}-heading`}>
        {w.heading}
      </h2>
      {choices.length === 0 ? (
        <p className="govuk-body">No {w.heading.toLowerCase()} yet.</p>
      ) : (
        <ul className="govuk-list">
          {choices.map((c) => (
            <li key={c.id}>
              {editing?.id === c.id ? (
                <form
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename();
                  }}
                >
                  <TextInput
                    id={`${kind}-rename`}
                    label={`New name for ${c.name}`}
                    width="30"
                    value={editing.name}
                    error={editing.error}
                    onChange={(v) => setEditing({ ...editing, name: v })}
                  />
                  <div className="govuk-button-group">
                    <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
                      Save the name
                    </button>
                    <button type="button" className="wt-link-button govuk-link" onClick={() => setEditing(undefined)}>
                      Cancel
                    </button>
                  </div>
                </form>
              ) : (
                <>
                  {c.name}{' '}
                  <button type="button" className="wt-link-button govuk-link" onClick={() => setEditing({ id: c.id, name: c.name })}>
                    Rename<span className="govuk-visually-hidden"> {c.name}</span>
                  </button>{' '}
                  <button type="button" className="wt-link-button govuk-link" onClick={() => void remove(c.id)}>
                    Remove<span className="govuk-visually-hidden"> {c.name}</span>
                  </button>
                  {problem?.at === c.id && <RefusedLine id={`${kind}-${c.id}-error`} problem={problem} />}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextInput id={`${kind}-name`} label={`Add a ${w.one}`} hint={w.hint} width="30" value={name} error={error} onChange={setName} />
        <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
          Add the {w.one}
        </button>
      </form>
    </section>
  );
}
