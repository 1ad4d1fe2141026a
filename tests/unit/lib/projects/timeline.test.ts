// One update's markup, shared by the static page and its script: the anchor the feed links to,
// the month, the three "we asked / you said / we did" parts only when given, and what people
// typed escaped.
import { describe, expect, it } from 'vitest';
import { updateItemHtml } from '../../../../src/lib/projects/timeline.ts';

describe('updateItemHtml', () => {
  it('renders a Markdown update as before: anchor, month, parts given, text', () => {
    const html = updateItemHtml({ date: new Date('2019-09-01'), title: 'A reference group', youSaid: 'People joined.', text: 'More.' });
    expect(html).toBe(
      '<li class="wt-timeline__item" id="update-2019-09-a-reference-group" data-month="2019-09">' +
        '<h3 class="govuk-heading-s"><span class="govuk-caption-m"><time datetime="2019-09">September 2019</time></span>A reference group</h3>' +
        '<dl class="wt-timeline__said govuk-body"><div><dt>You said</dt> <dd>People joined.</dd></div></dl>' +
        '<p class="govuk-body">More.</p></li>',
    );
  });

  it('marks an online update with its id, adds what happens next, and escapes what was typed', () => {
    const html = updateItemHtml({ id: 'abc', date: new Date('2026-11-01'), title: '<b>Hi</b>', text: 'a & b', next: '"soon"' });
    expect(html).toContain('data-update-id="abc"');
    expect(html).toContain('&lt;b&gt;Hi&lt;/b&gt;');
    expect(html).toContain('a &amp; b');
    expect(html).toContain('<strong>What happens next:</strong> &quot;soon&quot;');
    expect(html).not.toContain('<dl');
  });
});
