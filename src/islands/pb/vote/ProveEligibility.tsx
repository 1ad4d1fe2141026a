// Showing you may vote, the ways this process allows: the voting code from a letter, or a
// postcode in the area. One question; when both ways are open, the resident picks one first.
// Refusals are shown by their key next to the box they concern; what was typed stays.
import { useState, type FormEvent } from 'react';
import {
  declarePostcode,
  getMyStatus,
  redeemCode,
  type PbEligibilityMethod,
  type PbMyStatus,
  type PbProcess,
} from '../../../lib/api/pb-residents';
import { pbProblemWords } from '../../../lib/pb/refusal-words';
import { tooManyCodeAttemptsWords } from '../../../lib/refusals/pb-residents';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Radios } from '../../ui/Radios';
import { TextInput } from '../../ui/TextInput';
import { useOnce } from '../../ui/useOnce';
import { goToSignIn } from '../../ui/useSignedIn';

const FIELD: Record<PbEligibilityMethod, string> = { voting_code: 'voting-code', postcode: 'postcode' };

export function ProveEligibility({ process, onProved }: { process: PbProcess; onProved: (status: PbMyStatus) => void }) {
  const methods = process.eligibility;
  const [method, setMethod] = useState<PbEligibilityMethod | null>(methods.length === 1 ? methods[0]! : null);
  const [code, setCode] = useState('');
  const [postcode, setPostcode] = useState('');
  const [error, setError] = useState<{ field: string; message: string }>();
  const [busy, once] = useOnce();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void once(async () => {
      if (!method) return setError({ field: 'method', message: 'Choose how you will show you can vote.' });
      const typed = method === 'voting_code' ? code : postcode;
      if (!typed.trim()) {
        return setError({
          field: FIELD[method],
          message: method === 'voting_code' ? 'Enter the voting code from your letter.' : 'Enter your postcode.',
        });
      }
      const result =
        method === 'voting_code'
          ? await redeemCode({ p_process_id: process.id, p_code: typed }, 'form')
          : await declarePostcode({ p_process_id: process.id, p_postcode: typed }, 'form');
      if (result.ok) return onProved(result.data);
      if (result.signedOut) return goToSignIn('expired');
      if (result.key === 'already_eligible') {
        // Shown already, in another tab or on another device: carry on to the ballot.
        const status = await getMyStatus({ p_process_id: process.id }, 'form');
        if (status.ok) return onProved(status.data);
      }
      const field = result.field === 'code' ? FIELD.voting_code : result.field === 'postcode' ? FIELD.postcode : FIELD[method];
      // This refusal's words say when to try again, from its facts.
      const message = result.key === 'too_many_code_attempts' ? tooManyCodeAttemptsWords(result.facts) : pbProblemWords(result);
      setError({ field, message });
    });
  };

  const codeInput = (
    <TextInput
      id={FIELD.voting_code}
      label="Voting code"
      labelSize={methods.length === 1 ? 's' : undefined}
      hint="It is on your letter, in groups of four letters and numbers, like CHST-ABCD-2345."
      width="20"
      autoComplete="off"
      spellCheck={false}
      autoCapitalize="characters"
      value={code}
      onChange={setCode}
      error={error?.field === FIELD.voting_code ? error.message : undefined}
    />
  );
  const postcodeInput = (
    <TextInput
      id={FIELD.postcode}
      label="Postcode"
      labelSize={methods.length === 1 ? 's' : undefined}
      hint={`Where you live. It must be in ${process.area}.`}
      width="10"
      autoComplete="postal-code"
      autoCapitalize="characters"
      value={postcode}
      onChange={setPostcode}
      error={error?.field === FIELD.postcode ? error.message : undefined}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      {error && <ErrorSummary items={[{ href: `#${error.field === 'method' ? 'method' : error.field}`, message: error.message }]} />}
      <p className="govuk-body">Each person who lives in {process.area} can vote once. You only need to do this once.</p>
      {methods.length > 1 ? (
        <Radios
          idPrefix="method"
          name="method"
          legend="How will you show you can vote?"
          legendSize="s"
          value={method}
          onChange={(m) => {
            setMethod(m);
            setError(undefined);
          }}
          error={error?.field === 'method' ? error.message : undefined}
          items={[
            { value: 'voting_code', label: 'With the voting code from my letter' },
            { value: 'postcode', label: 'With my postcode', hint: `If you live in ${process.area}.` },
          ]}
        />
      ) : null}
      {method === 'voting_code' && codeInput}
      {method === 'postcode' && postcodeInput}
      <button type="submit" className="govuk-button" data-module="govuk-button" aria-disabled={busy || undefined}>
        {busy ? 'Checking…' : 'Continue'}
      </button>
    </form>
  );
}
