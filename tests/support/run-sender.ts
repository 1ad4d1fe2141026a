// One run of the send-notifications handler in a process of its own, for the test that kills a
// sender mid-batch (tests/api/notifications-kill.test.ts): the environment is the function's
// (SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, SITE_URL, EMAIL_API_URL/KEY/FROM), SENDER_OPTIONS the
// request body. Prints the handler's answer as one JSON line.
import { handle } from '../../supabase/functions/send-notifications/handler.ts';

const response = await handle(
  new Request('http://sender.local/functions/v1/send-notifications', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.SUPABASE_SERVICE_ROLE_KEY}`, 'Content-Type': 'application/json' },
    body: process.env.SENDER_OPTIONS ?? '{}',
  }),
  (name) => process.env[name],
);
console.log(JSON.stringify({ status: response.status, answer: await response.json() }));
