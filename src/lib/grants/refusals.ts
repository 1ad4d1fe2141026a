// The database decides what a panel member may do; this file says its refusals again in words a
// panel member can act on (short words, what went wrong, what to do next) and names the field
// each one concerns, so the screen can show it next to that field. It goes by the refusal's key,
// field and facts (private.refuse), never by the database's English. Offline, signed-out and
// server faults are not refusals: the screens handle those as before (undefined here).
import type { ApiProblem } from '../api-call';
import { formatPounds } from '../money';
import { WORDS as GRANTS } from '../refusals/grants';
import { WORDS as SHARED } from '../refusals/shared';
import { ROUND_STATES, STATE_WORDS, type RoundState } from './rounds';

export type RefusedAction = 'scores' | 'reopen' | 'declaration' | 'agreement' | 'recommendation' | 'comment';

export interface Refusal {
  /** The field it concerns: a criterion id for scores, otherwise the form's own name for a field
   *  (see FIELDS); 'form' when it concerns the whole form. */
  field: string;
  message: string;
  /** The round has moved on to a stage where this cannot be done: nothing changed on the server. */
  stageClosed?: true;
}

/** The field names each form uses, besides 'form'. */
export const FIELDS: Record<RefusedAction, readonly string[]> = {
  scores: [], // criterion ids
  reopen: ['reason'],
  declaration: ['answer', 'reason'],
  agreement: ['agree'],
  recommendation: ['outcome', 'amount', 'conditions', 'reasons', 'how'],
  comment: ['comment', 'meeting'],
};

interface Context {
  action: RefusedAction;
  criteria: { id: string; title: string }[];
  problem: ApiProblem;
  facts: Record<string, unknown>;
  /** Where the round is now, in the panel's words, from the refusal's facts; '' if not given. */
  now: string;
}

type Say = (c: Context) => Refusal[];

const one = (field: string, message: string): Refusal[] => [{ field, message }];
const nowAt = (c: Context) => (c.now ? ` This round is now at: ${c.now}.` : '');
/** The criterion a refusal's field names ("criterion:<id>"), if this form shows it. */
const criterionOf = (c: Context, field = c.problem.field) => c.criteria.find((x) => `criterion:${x.id}` === field);
/** The field the database named, for the forms whose field names are the database's. */
const named = (c: Context) => c.problem.field ?? 'form';
const words = (key: string) => GRANTS[key] ?? SHARED[key] ?? '';

// What a member is told when the round has moved on while the page was open, by key and form:
// nothing changed on the server, where the round is now, and what to do.
const STAGE_CLOSED: Record<string, Partial<Record<RefusedAction, Say>>> = {
  scoring_not_now: {
    scores: (c) =>
      one(
        'form',
        `Scoring has closed for this round, so your scores were not sent.${nowAt(c)} Your scores are kept on this device. Ask the chair or the grants officer what to do.`,
      ),
    reopen: (c) =>
      one('reason', `Scoring has closed, so scores cannot be reopened now.${nowAt(c)} Talk to the chair at the panel meeting.`),
  },
  reopening_not_now: {
    reopen: (c) =>
      one('reason', `Scoring has closed, so scores cannot be reopened now.${nowAt(c)} Talk to the chair at the panel meeting.`),
  },
  declaring_not_now: {
    declaration: (c) => one('answer', `${words('declaring_not_now')}${nowAt(c)} Talk to the grants officer.`),
  },
  recommending_not_now: {
    recommendation: (c) =>
      one(
        'outcome',
        `${words('recommending_not_now')}${nowAt(c)} Nothing was changed. If something needs to change, talk to the grants officer.`,
      ),
  },
  commenting_not_now: {
    comment: (c) => one('comment', `${words('commenting_not_now')}${nowAt(c)} Your comment was not saved, but it is still in the box.`),
  },
};

// What an empty free-text field is told, by the field the database names (and, for the two
// forms whose reason means different things, the form).
const REQUIRED: Record<string, (c: Context) => string> = {
  conditions: () => 'Write the conditions',
  reasons: () => "Write the panel's reasons",
  comment: () => 'Write your comment first',
  reason: (c) =>
    c.action === 'declaration' ? 'Say briefly why you have a conflict of interest' : 'Say why you want to change your scores',
};

// The refusals a form says in its own way: the criterion's title, the facts, or the field of a
// form whose field the database cannot know (the conflict and agreement refusals are shared by
// every form). Every other key takes its words from src/lib/refusals/ and the database's field.
const SAY: Record<string, Say> = {
  score_out_of_range: (c) => {
    const criterion = criterionOf(c);
    return criterion
      ? one(criterion.id, `Choose a score from 0 to ${Number(c.facts.maximum)} for "${criterion.title}"`)
      : one('form', words('score_out_of_range'));
  },
  score_comment_too_long: (c) => {
    const criterion = criterionOf(c);
    const max = Number(c.facts.max ?? 2000).toLocaleString('en-GB');
    return criterion
      ? one(criterion.id, `Your comment on "${criterion.title}" is too long: keep it to ${max} characters or fewer`)
      : one('form', words('score_comment_too_long'));
  },
  score_comment_not_text: (c) => {
    const criterion = criterionOf(c);
    return criterion
      ? one(criterion.id, `Write your comment on "${criterion.title}" in words`)
      : one('form', words('score_comment_not_text'));
  },
  scores_incomplete: (c) => {
    const ids = Array.isArray(c.facts.still_to_score) ? c.facts.still_to_score.map(String) : [];
    const found = ids.map((id) => criterionOf(c, `criterion:${id}`)).filter((x) => x !== undefined);
    return found.length
      ? found.map((x) => ({ field: x.id, message: `Choose a score for "${x.title}"` }))
      : one('form', words('scores_incomplete'));
  },
  scores_not_submitted: () => one('reason', words('scores_not_submitted')),
  reopen_already_requested: () => one('reason', words('reopen_already_requested')),
  conflict_not_declared: (c) => one(c.action === 'recommendation' ? 'outcome' : 'form', words('conflict_not_declared')),
  conflict_declared: (c) =>
    one(c.action === 'recommendation' ? 'outcome' : c.action === 'comment' ? 'comment' : 'form', words('conflict_declared')),
  agreement_not_accepted: (c) => one(c.action === 'agreement' ? 'agree' : 'form', words('agreement_not_accepted')),
  not_panel_member: (c) => one(c.action === 'agreement' ? 'agree' : 'form', words('not_panel_member')),
  not_panel_lead: (c) =>
    c.action === 'recommendation'
      ? one('outcome', 'Only the chair, the clerk or a grants officer can record the recommendation.')
      : one('form', words('not_panel_lead')),
  amount_over_request: (c) =>
    one(
      'amount',
      typeof c.facts.amount_requested === 'number'
        ? `The amount cannot be more than the ${formatPounds(c.facts.amount_requested, true)} asked for`
        : words('amount_over_request'),
    ),
  required: (c) => {
    const field = named(c);
    return one(field, REQUIRED[field]?.(c) ?? words('required'));
  },
  too_long: (c) =>
    one(
      named(c),
      c.facts.max === undefined
        ? words('too_long')
        : `This is too long: keep it to ${Number(c.facts.max).toLocaleString('en-GB')} characters or fewer`,
    ),
};

/** Where the round is now, from the refusal's facts (every stage refusal names it). */
export function stageOf(problem: Pick<ApiProblem, 'facts'>): RoundState | undefined {
  const stage = problem.facts?.stage;
  return typeof stage === 'string' && stage in STATE_WORDS ? (stage as RoundState) : undefined;
}

export function explainRefusal(
  action: RefusedAction,
  problem: ApiProblem,
  criteria: { id: string; title: string }[] = [],
): Refusal[] | undefined {
  if (problem.offline || problem.signedOut || problem.status >= 500) return undefined;
  const stage = stageOf(problem);
  const context: Context = { action, criteria, problem, facts: problem.facts ?? {}, now: stage ? STATE_WORDS[stage] : '' };
  const key = problem.key ?? '';
  const closed = STAGE_CLOSED[key]?.[action];
  if (closed) return closed(context).map((r) => ({ ...r, stageClosed: true as const }));
  const said = SAY[key]?.(context) ?? (words(key) ? one(named(context), words(key)) : undefined);
  // Not one we know (or a refusal without a key): the database's own words (written to be
  // plain), with its hint.
  if (!said) return one('form', [problem.message, problem.hint].filter(Boolean).join(' '));
  // A field this form does not have (e.g. a text rule shared by several forms) goes at the top.
  const known = new Set<string>(action === 'scores' ? criteria.map((c) => c.id) : FIELDS[action]);
  return said.map((r) => (known.has(r.field) ? r : { ...r, field: 'form' }));
}

/** The screen words for a refusal's key, or the database's own message for a key without words. */
export function refusalWords(problem: Pick<ApiProblem, 'key' | 'message'>): string {
  return words(problem.key ?? '') || problem.message;
}

/** The refusals as a field → message map, the shape the forms keep their errors in. */
export function refusalErrors(refusals: Refusal[]): Record<string, string> {
  return Object.fromEntries(refusals.map((r) => [r.field, r.message]));
}

/** Why a member cannot score now, from where the round is, before they try. */
export function notScoringWords(state: RoundState, keptOnDevice: boolean): string {
  const when =
    ROUND_STATES.indexOf(state) < ROUND_STATES.indexOf('scoring')
      ? `Scoring has not started for this round yet. It is at: ${STATE_WORDS[state]}.`
      : `Scoring has closed for this round. It is now at: ${STATE_WORDS[state]}.`;
  return `${when}${keptOnDevice ? ' The scores you chose are kept on this device.' : ''} Ask the chair or the grants officer what to do.`;
}
