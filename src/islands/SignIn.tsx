import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { codeProblem, emailProblem, signInErrorMessage } from '../lib/auth/messages';
import { safeNextPath } from '../lib/auth/next-path';
import { getSupabase } from '../lib/supabase';
import { ErrorSummary } from './ui/ErrorSummary';

import { TextInput } from './ui/TextInput';

interface FieldError {
  field: string;
  message: string;
}

type Step = 'email' | 'code' | 'password';

/** On the local stand-in, codes are not emailed: point to where they appear instead. */
function localMailbox(): string | undefined {
  const url = import.meta.env.PUBLIC_SUPABASE_URL ?? '';
  return /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(url) ? `${url}/mailbox` : undefined;
}

/** The address does not change while the sign-in page is open. */
const noSubscription = () => () => {};

export default function SignIn() {
  const [step, setStep] = useState<Step>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  // The server's HTML has these buttons before React has joined them to their handlers: a press
  // in that moment did nothing (about 1 sign-in in 25), or sent the form as a plain page load.
  // They stay disabled until hydration has finished, so a press either works or waits.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const next = safeNextPath(typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('next'));

  // Read after hydration (the server's render has no address), so the page hydrates without a mismatch.
  const reason = useSyncExternalStore(
    noSubscription,
    () => new URLSearchParams(location.search).get('reason'),
    () => null,
  );
  const notice =
    reason === 'expired'
      ? 'You were signed out because you had not used the site for a while. Sign in again to carry on. Your typed work has been kept on this device.'
      : '';

  useEffect(() => {
    void getSupabase()
      .auth.getSession()
      .then(({ data }) => {
        if (data.session) location.assign(next);
      });
  }, [next]);

  const fail = (field: string, message: string) => setErrors([{ field, message }]);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  async function sendCode(event?: FormEvent) {
    event?.preventDefault();
    const problem = emailProblem(email);
    if (problem) return fail('email', problem);
    setBusy(true);
    // A first sign-in makes the account (a community group applying for a grant has none yet);
    // the people row that goes with it has no powers (private.create_person_for_user).
    const { error } = await getSupabase().auth.signInWithOtp({ email: email.trim(), options: { shouldCreateUser: true } });
    setBusy(false);
    if (error) return fail('email', signInErrorMessage(error));
    setErrors([]);
    setStep('code');
  }

  async function checkCode(event: FormEvent) {
    event.preventDefault();
    const problem = codeProblem(code);
    if (problem) return fail('code', problem);
    setBusy(true);
    const { error } = await getSupabase().auth.verifyOtp({ email: email.trim(), token: code.replace(/\s/g, ''), type: 'email' });
    setBusy(false);
    if (error) return fail('code', signInErrorMessage(error));
    location.assign(next);
  }

  async function withPassword(event: FormEvent) {
    event.preventDefault();
    const problems = [
      ...(emailProblem(email) ? [{ field: 'email', message: emailProblem(email)! }] : []),
      ...(password ? [] : [{ field: 'password', message: 'Enter your password.' }]),
    ];
    if (problems.length) return setErrors(problems);
    setBusy(true);
    const { error } = await getSupabase().auth.signInWithPassword({ email: email.trim(), password });
    setBusy(false);
    if (error) return fail('password', signInErrorMessage(error));
    location.assign(next);
  }

  const mailbox = localMailbox();
  return (
    <div data-testid="sign-in" data-step={step}>
      {notice && (
        <div className="govuk-notification-banner" role="region" aria-labelledby="sign-in-notice-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="sign-in-notice-title">
              Important
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-body">{notice}</p>
          </div>
        </div>
      )}
      <ErrorSummary items={errors.map((e) => ({ href: `#${e.field}`, message: e.message }))} />
      {step === 'email' && (
        <form onSubmit={sendCode} noValidate>
          <TextInput
            id="email"
            label="Email address"
            labelSize="s"
            hint="We will email you a 6-number code to sign in. You do not need a password."
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errorFor('email')}
          />
          <button className="govuk-button" type="submit" disabled={busy || !ready}>
            {busy ? 'Sending…' : 'Email me a code'}
          </button>
          <p className="govuk-body">
            <button
              type="button"
              className="wt-link-button govuk-link"
              disabled={!ready}
              onClick={() => {
                setErrors([]);
                setStep('password');
              }}
            >
              Sign in with a password instead
            </button>
          </p>
        </form>
      )}
      {step === 'code' && (
        <form onSubmit={checkCode} noValidate>
          <p className="govuk-body">
            We sent a code to <strong>{email}</strong>. It works for 10 minutes.
          </p>
          {mailbox && (
            <p className="govuk-inset-text">
              This is a demo site, so no email is sent. The code is on the{' '}
              <a className="govuk-link" href={mailbox} target="_blank" rel="noreferrer">
                local mailbox page (opens in a new tab)
              </a>
              .
            </p>
          )}
          <TextInput
            id="code"
            label="Code from the email"
            labelSize="s"
            width="10"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={setCode}
            error={errorFor('code')}
          />
          <button className="govuk-button" type="submit" disabled={busy || !ready}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
          <p className="govuk-body">
            <button
              type="button"
              className="wt-link-button govuk-link"
              disabled={!ready}
              onClick={() => {
                setCode('');
                void sendCode();
              }}
            >
              Send me a new code
            </button>
            {' or '}
            <button
              type="button"
              className="wt-link-button govuk-link"
              disabled={!ready}
              onClick={() => {
                setErrors([]);
                setStep('email');
              }}
            >
              use a different email address
            </button>
          </p>
        </form>
      )}
      {step === 'password' && (
        <form onSubmit={withPassword} noValidate>
          <TextInput
            id="email"
            label="Email address"
            labelSize="s"
            type="email"
            autoComplete="email"
            spellCheck={false}
            value={email}
            onChange={setEmail}
            error={errorFor('email')}
          />
          <TextInput
            id="password"
            label="Password"
            labelSize="s"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errorFor('password')}
          />
          <button className="govuk-button" type="submit" disabled={busy || !ready}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <p className="govuk-body">
            <button
              type="button"
              className="wt-link-button govuk-link"
              disabled={!ready}
              onClick={() => {
                setErrors([]);
                setStep('email');
              }}
            >
              Sign in with an email code instead
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
