// What each kind of content must contain. `src/content.config.ts` uses these; so do the tests,
// which check that bad content is refused with a message an editor understands.
import { z } from 'zod';
import { date, oneOf, pastDate, quote, text, textList, webName, wholeNumber } from './fields.ts';
import { LEAD_AREAS, STAGES, STAIRCASE } from './vocabulary.ts';
import { UPDATE_LIMITS as MAX, updateSaysSomething, YOU_SAID_MESSAGE, youSaidIsTheirs } from '../projects/update-rules.ts';

/** One monthly update, in the "We asked · You said · We did" shape where it fits. */
export const projectUpdate = z
  .object(
    {
      date: pastDate('the update date'),
      title: text('the update title', MAX.title),
      weAsked: text('"We asked"', MAX.weAsked).optional(),
      // What people who use services, carers or the public said; what the council did goes in weDid.
      youSaid: text('"You said"', MAX.youSaid).refine(youSaidIsTheirs, YOU_SAID_MESSAGE).optional(),
      weDid: text('"We did"', MAX.weDid).optional(),
      text: text('the update text', MAX.text).optional(),
      // What happens next: written by leads online; optional in Markdown.
      next: text('"What happens next"', MAX.next).optional(),
    },
    { error: 'each update needs a date and a title' },
  )
  .refine(updateSaysSomething, {
    error: 'an update needs "text", or at least one of "weAsked", "youSaid" and "weDid"',
  });

export const project = z.object({
  title: text('the title', 120),
  summary: text('the summary', 200),
  leadArea: oneOf(LEAD_AREAS, 'the lead area'),
  partners: textList('partners', { max: 120 }).default([]),
  stage: oneOf(STAGES, 'the stage'),
  staircaseStep: oneOf(STAIRCASE, 'the step on the staircase of participation'),
  /** How many people took part, as the source counts them; left out when the source gives no number. */
  peopleInvolved: wholeNumber('the number of people involved').optional(),
  topics: textList('topics', { min: 1, max: 40 }),
  /** "project" for the board's projects list; "group" for other co-production in the county. */
  kind: z.enum(['project', 'group'], { error: 'kind must be "project" or "group"' }).default('project'),
  updates: z.array(projectUpdate, { error: 'updates must be a list of dated updates' }).min(1, 'add at least one update'),
});

/**
 * Every case study has the parts the site promises: the problem and what changed (sections of the
 * text, checked in check.ts), who was involved, what people said, what others can learn, and at
 * least one related project.
 */
export const caseStudy = z.object({
  title: text('the title', 120),
  summary: text('the summary', 240),
  published: pastDate('the published date'),
  whoWasInvolved: textList('people involved', { min: 1, max: 200 }),
  whatPeopleSaid: z
    .array(quote, {
      error: 'whatPeopleSaid is missing: add at least one thing people said, with who said it (a group, like "a carer on the board")',
    })
    .min(1, 'whatPeopleSaid is empty: add at least one thing people said, with who said it (a group, like "a carer on the board")'),
  lessons: textList('lessons for others', { min: 1, max: 400 }),
  relatedProjects: z
    .array(webName('a related project'), {
      error: 'relatedProjects is missing: add the file name of at least one project, like [grants-panels]',
    })
    .min(1, 'relatedProjects is empty: add the file name of at least one project, like [grants-panels]'),
});

/** The sections a case study's text must have, after its frontmatter. */
export const CASE_STUDY_SECTIONS = ['The problem', 'What changed'];

const session = z.object(
  {
    time: z
      .string({ error: 'a session time must be text like "10:30"' })
      .regex(/^\d{2}:\d{2}$/, 'a session time must be written like "10:30"'),
    title: text('the session title', 120),
    description: text('the session description', 600),
    place: text('where the session is', 80).optional(),
  },
  { error: 'each session needs a time, a title and a description' },
);

export const festival = z
  .object({
    title: text('the title', 120),
    kind: z.enum(['festival', 'week'], { error: 'kind must be "festival" or "week"' }).default('festival'),
    date: date('the date'),
    /** How exactly the date is known. "month" shows "July 2019": never show a day the records do not give. */
    datePrecision: z.enum(['day', 'month', 'year'], { error: 'datePrecision must be "day", "month" or "year"' }).default('day'),
    endDate: date('the end date').optional(),
    /** True when the details are an illustration, not yet confirmed: the page says so. */
    example: z.boolean({ error: 'example must be true or false' }).default(false),
    summary: text('the summary', 240),
    venue: z.object(
      { name: text('the venue name', 120), address: text('the venue address', 200) },
      { error: 'the venue needs a name and an address' },
    ),
    attendance: wholeNumber('the number of people who came').optional(),
    sessions: z.array(session, { error: 'sessions must be a list' }).default([]),
    access: z.object(
      {
        stepFree: text('step-free access', 600),
        bsl: text('British Sign Language', 600),
        hearingLoop: text('the hearing loop', 400),
        quietRoom: text('the quiet room', 400),
        toilets: text('toilets', 400),
        travel: text('travel', 800),
        onTheDay: text('what to expect on the day', 800),
      },
      { error: 'access needs stepFree, bsl, hearingLoop, quietRoom, toilets, travel and onTheDay' },
    ),
    cost: text('the cost', 300),
    booking: text('how to book', 600),
    /** True when the sessions can be booked online: the database has them (tests/db/festival/content.test.ts). */
    bookOnline: z.boolean({ error: 'bookOnline must be true or false' }).default(false),
    whatWeHeard: textList('what we heard', { max: 400 }).default([]),
  })
  .refine((f) => f.datePrecision === 'day' || !f.endDate, {
    path: ['endDate'],
    error: 'an end date only makes sense when the exact day is known: remove endDate, or set datePrecision to "day"',
  });

export const page = z
  .object({
    title: text('the title', 120),
    description: text('the description', 200),
    section: z.enum(['about', 'get-involved', 'help'], { error: 'section must be "about", "get-involved" or "help"' }).optional(),
    /** Order within its section's menu: lower first. */
    order: z.number({ error: 'order must be a number' }).default(100),
    easyRead: z.boolean({ error: 'easyRead must be true or false' }).default(false),
    easyReadVersion: webName('the easy read version').optional(),
    standardVersion: webName('the standard version').optional(),
    updated: pastDate('the updated date').optional(),
  })
  .refine((p) => !p.easyRead || p.standardVersion, {
    // Without it the page has no "Read the standard version" link, so readers cannot go back.
    path: ['standardVersion'],
    error:
      'an easy-read page needs standardVersion: the web name of its standard page, like "what-is-co-production" (or "home", "festival")',
  });

export const glossaryEntry = z.object({
  term: text('the term', 60),
  meaning: text('the meaning', 220).refine((m) => /^[^.!?]+[.!?]$/.test(m), 'the meaning must be one sentence ending with a full stop'),
  aliases: textList('other forms of the word', { max: 60 }).default([]),
});
