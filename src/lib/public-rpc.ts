// A public (anon) API call with fetch alone, for page scripts on public pages, whose weight
// budget (tests/e2e/budget.spec.ts) has no room for React or supabase-js.
export async function publicRpc<T>(fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const url = import.meta.env.PUBLIC_SUPABASE_URL as string | undefined;
  const key = import.meta.env.PUBLIC_SUPABASE_ANON_KEY as string | undefined;
  const response = await fetch(`${url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: key!, Authorization: `Bearer ${key}` },
    body: JSON.stringify(args),
  });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as T;
}
