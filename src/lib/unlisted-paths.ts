// Pages that are tools rather than content (sign-in, the grants panel, status, voting and the
// budgeting pages that read a process from the query string): kept out of the
// site map and search results. Their pages also set `noindex` in BaseLayout.
export const UNLISTED_PATH =
  /^\/(status|panel|sign-in|account|vote|grants\/(round|check|360giving|apply|applications)|budgeting\/(officer|process|proposals?|propose|my-proposals|vote|results|check-ballot)|projects\/(update|officer)|festival\/(book|booking|officer)|moderation|tree\/(add|easy-read))(\/|$)/;

export function isListed(url: string): boolean {
  return !UNLISTED_PATH.test(new URL(url, 'http://x').pathname);
}
