import { useEffect, useState } from 'react';
import { whoami } from '../lib/api/platform';

type Status = { state: 'checking' } | { state: 'ok'; role: string } | { state: 'down'; message: string };

/** Calls api.whoami() to show whether the site can reach its data service. */
export default function ServiceStatus() {
  const [status, setStatus] = useState<Status>({ state: 'checking' });

  useEffect(() => {
    let live = true;
    void whoami({}, 'form').then((result) => {
      if (!live) return;
      if (!result.ok) setStatus({ state: 'down', message: result.message });
      else setStatus({ state: 'ok', role: result.data.role ?? 'anon' });
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <div role="status" aria-live="polite" className="govuk-body" data-testid="service-status" data-state={status.state}>
      {status.state === 'checking' && <p className="govuk-body">Checking the data service…</p>}
      {status.state === 'ok' && (
        <p className="govuk-body">
          <strong className="govuk-tag govuk-tag--green">Working</strong> The data service answered. You are browsing{' '}
          {status.role === 'anon' ? 'as a visitor (not signed in)' : `signed in (${status.role})`}.
        </p>
      )}
      {status.state === 'down' && (
        <p className="govuk-body">
          <strong className="govuk-tag govuk-tag--red">Not working</strong> The data service did not answer: {status.message}. Pages still
          work; voting and the grants panel need the service. Try again in a few minutes.
        </p>
      )}
    </div>
  );
}
