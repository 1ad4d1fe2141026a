// Where the browser finds the API: the address and anon key the site was built with.
export function supabaseSettings(): { url: string; anonKey: string } {
  const url = import.meta.env.PUBLIC_SUPABASE_URL as string | undefined;
  const anonKey = import.meta.env.PUBLIC_SUPABASE_ANON_KEY as string | undefined;
  if (!url || !anonKey) {
    throw new Error('The site was built without PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY. See the README.');
  }
  return { url, anonKey };
}
