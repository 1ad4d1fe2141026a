// The council's email provider, behind a small interface so another provider is one new
// function here. The one provided speaks plain JSON over HTTPS, which most providers accept
// (directly or through a small relay the council runs), configured by three secrets:
//   EMAIL_API_URL  where to POST each email
//   EMAIL_API_KEY  sent as "Authorization: Bearer <key>"
//   EMAIL_FROM     the sender, e.g. "Working Together <working-together@council.example>"
// Each request carries the notification's dedupe key as the Idempotency-Key header (and as
// idempotency_key in the body): the provider must accept a repeat of a key it has seen without
// sending the email again. That is what turns at-least-once sending into each email once.

export interface Email {
  to: string;
  subject: string;
  /** Plain text, links written out in full. */
  text: string;
  /** The page to act on, in full, also inside text. */
  link: string;
  /** The same for every attempt at this notification. */
  idempotencyKey: string;
}

export interface EmailProvider {
  /** Resolves once the provider has accepted the email; throws with a plain reason otherwise. */
  send(email: Email): Promise<void>;
}

export type Env = (name: string) => string | undefined;

// Longer than a slow provider takes, far shorter than the claim's lease.
const SEND_TIMEOUT_MS = 15_000;

/** The JSON-over-HTTPS provider, or the names of the secrets that are missing. */
export function httpJsonProvider(env: Env, fetchImpl: typeof fetch = fetch): EmailProvider | { missing: string[] } {
  const url = env('EMAIL_API_URL');
  const key = env('EMAIL_API_KEY');
  const from = env('EMAIL_FROM');
  const missing = [
    ['EMAIL_API_URL', url],
    ['EMAIL_API_KEY', key],
    ['EMAIL_FROM', from],
  ]
    .filter(([, v]) => !v)
    .map(([n]) => n!);
  if (missing.length) return { missing };
  return {
    async send(email) {
      const response = await fetchImpl(url!, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': email.idempotencyKey },
        body: JSON.stringify({
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          link: email.link,
          idempotency_key: email.idempotencyKey,
        }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      if (!response.ok) {
        const said = (await response.text().catch(() => '')).slice(0, 300);
        throw new Error(`The email provider answered ${response.status}${said ? `: ${said}` : ''}`);
      }
      await response.body?.cancel();
    },
  };
}
