// /grants/apply/done/?round=<id>&ref=<reference>: the application is sent. The reference comes
// from the address (the send's answer); the email is queued with the send itself.
import { useEffect, useRef } from 'react';
import { useSignedIn } from '../../ui/useSignedIn';
import { Loading, queryParam, usePageTitle } from './ApplyParts';

export default function ApplyDone() {
  const user = useSignedIn();
  const heading = useRef<HTMLHeadingElement>(null);
  const reference = queryParam('ref');
  usePageTitle('Application sent');
  useEffect(() => heading.current?.focus(), [user]);
  if (!user) return <Loading>Checking you are signed in…</Loading>;
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation" data-testid="done">
        <h1 className="govuk-panel__title wt-focus-heading" ref={heading} tabIndex={-1}>
          Application sent
        </h1>
        {reference && (
          <div className="govuk-panel__body">
            Your reference is
            <br />
            <strong data-testid="reference">{reference}</strong>
          </div>
        )}
      </div>
      <p className="govuk-body">
        We have sent a confirmation email to <strong>{user.email}</strong>. Use your reference if you contact us about your application.
      </p>
      <h2 className="govuk-heading-m">What happens next</h2>
      <p className="govuk-body">
        A grants officer will read your application and write a short, plain-English summary for the panel. They may email you to ask for
        more information.
      </p>
      <p className="govuk-body">
        After the closing date, a panel of community members and councillors scores every application. Cabinet then decides, and the
        decisions are published on this website.
      </p>
      <p className="govuk-body">You can withdraw your application until the panel starts.</p>
      <p className="govuk-body">
        <a className="govuk-link" href="/grants/applications/">
          See your applications
        </a>
      </p>
    </>
  );
}
