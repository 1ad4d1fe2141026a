// An Atom feed of project updates, newest first, so people can follow projects in a feed reader.
import { escapeHtml as e } from '../html.ts';
import { updateAnchor } from './updates.ts';

export interface FeedUpdate {
  projectSlug: string;
  projectTitle: string;
  date: Date;
  title: string;
  weAsked?: string;
  youSaid?: string;
  weDid?: string;
  text?: string;
  next?: string;
}

function content(u: FeedUpdate): string {
  const parts = [
    u.weAsked && `We asked: ${u.weAsked}`,
    u.youSaid && `You said: ${u.youSaid}`,
    u.weDid && `We did: ${u.weDid}`,
    u.text,
    u.next && `What happens next: ${u.next}`,
  ].filter(Boolean);
  return parts.join('\n\n');
}

export function atomFeed(updates: FeedUpdate[], site: URL, limit = 50): string {
  const newest = [...updates]
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.projectSlug.localeCompare(b.projectSlug))
    .slice(0, limit);
  const feedUrl = new URL('/projects/feed.xml', site).href;
  const updated = newest[0]?.date ?? new Date(0);
  const entries = newest.map((u) => {
    // The id is the update's own address on the project page: unique, and it does not change
    // when other updates are added.
    const link = new URL(`/projects/${u.projectSlug}/#${updateAnchor(u)}`, site).href;
    return `  <entry>
    <id>${e(link)}</id>
    <title>${e(`${u.projectTitle}: ${u.title}`)}</title>
    <link rel="alternate" href="${e(link)}"/>
    <updated>${u.date.toISOString()}</updated>
    <content type="text">${e(content(u))}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>${e(feedUrl)}</id>
  <title>Working Together: project updates</title>
  <subtitle>Monthly news from co-production projects in Oxfordshire.</subtitle>
  <link rel="self" href="${e(feedUrl)}"/>
  <link rel="alternate" href="${e(new URL('/projects/', site).href)}"/>
  <author><name>Working Together</name></author>
  <updated>${updated.toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
}
