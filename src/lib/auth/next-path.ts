// Where to go after signing in. Only a path on this site is accepted, so a crafted link cannot
// send someone to another website after they sign in.
export function safeNextPath(raw: string | null | undefined, fallback = '/panel/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return fallback;
  try {
    const url = new URL(raw, 'http://same.origin');
    return url.origin === 'http://same.origin' ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}

export function signInUrl(currentPath: string): string {
  return `/sign-in/?next=${encodeURIComponent(currentPath)}`;
}
