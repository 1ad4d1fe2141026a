// Small pieces every panel screen uses: who is signed in, a problem box, a loading line, and
// reading ids from the address.
import type { ReactNode } from 'react';
import type { ApiProblem } from '../../lib/api-call';
import { goToSignIn, signOut } from '../ui/useSignedIn';

export function queryParam(name: string): string | undefined {
  return new URLSearchParams(location.search).get(name) ?? undefined;
}

export function SignedInBar({ email, back }: { email?: string; back?: { href: string; label: string } }) {
  return (
    <div className="wt-panel-bar">
      {back && <a className="govuk-back-link" href={back.href}>{back.label}</a>}
      <p className="govuk-body-s">
        Signed in as <strong>{email}</strong>.{' '}
        <button type="button" className="wt-link-button govuk-link" onClick={() => void signOut()}>Sign out</button>
      </p>
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
  return <p className="govuk-body" role="status">{children}</p>;
}

export const money = (amount: number) => `£${Number(amount).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;
