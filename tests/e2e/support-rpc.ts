// Calling an api function from a test as whoever is signed in on the page, exactly as the
// islands do (the session's token from localStorage), to set up state quickly.
import type { Page } from '@playwright/test';
import { API } from './support.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test's setup reads what it needs; callers name T when it matters
export async function rpc<T = any>(page: Page, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await page.evaluate(
    async ({ api, fn, args }) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith('-auth-token'))!;
      const token = JSON.parse(localStorage.getItem(key)!).access_token as string;
      const response = await fetch(`${api}/rest/v1/rpc/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, apikey: token, 'Content-Profile': 'api' },
        body: JSON.stringify(args),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { api: API, fn, args },
  );
  if (result.status >= 300) throw new Error(`${fn}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as T;
}
