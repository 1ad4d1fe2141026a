// Small pieces every panel screen uses: who is signed in, a problem box, a loading line, and
// reading ids from the address.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { pendingDraftKeys } from '../../lib/grants/local-drafts';
import { goToSignIn, signOut } from '../ui/useSignedIn';

export function queryParam(name: string): string | undefined {
  return new URLSearchParams(location.search).get(name) ?? undefined;
}

export function SignedInBar({ email, back }: { email?: string; back?: { href: string; label: string } }) {
  // Signing out removes this person's unsaved work from the device (it may be shared), so say so
  // first: work typed offline and not yet sent would otherwise be lost without a word.
  const [unsaved, setUnsaved] = useState(0);
  const warning = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (unsaved) warning.current?.focus();
  }, [unsaved]);
  const ask = () => {
    const count = pendingDraftKeys().length;
    if (count) setUnsaved(count);
    else void signOut();
  };
  return (
    <div className="wt-panel-bar">
      {back && (
        <a className="govuk-back-link" href={back.href}>
          {back.label}
        </a>
      )}
      <p className="govuk-body-s">
        Signed in as <strong>{email}</strong>.{' '}
        <button type="button" className="wt-link-button govuk-link" onClick={ask}>
          Sign out
        </button>
      </p>
      {unsaved > 0 && (
        <div className="govuk-warning-text" role="alertdialog" aria-labelledby="sign-out-warning" tabIndex={-1} ref={warning}>
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            <p className="govuk-body" id="sign-out-warning">
              You have {unsaved === 1 ? 'one piece' : `${unsaved} pieces`} of work on this device that {unsaved === 1 ? 'is' : 'are'} not
              saved yet. If you sign out now, {unsaved === 1 ? 'it is' : 'they are'} removed from this device, so nobody else who uses it
              can read {unsaved === 1 ? 'it' : 'them'}.
            </p>
            <div className="govuk-button-group">
              <button type="button" className="govuk-button" onClick={() => setUnsaved(0)}>
                Stay signed in
              </button>
              <button type="button" className="govuk-button govuk-button--warning" onClick={() => void signOut()}>
                Sign out and remove {unsaved === 1 ? 'it' : 'them'}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

export function ProblemBox({ problem, title = 'There is a problem' }: { problem: ApiProblem; title?: string }) {
  if (problem.signedOut) goToSignIn('expired');
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="govuk-error-summary__title">{title}</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{problem.message}</p>
        {problem.hint && <p className="govuk-body">{problem.hint}</p>}
      </div>
    </div>
  );
}

export function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="govuk-body" role="status">
      {children}
    </p>
  );
}

export { formatPounds as money } from '../../lib/money';

// The error pieces live with the other forms' (ui/ErrorSummary.tsx); panel screens import them here.
export { describedBy, ErrorSummary, FieldError } from '../ui/ErrorSummary';
