// The database decides what a panel member may do; this file says its refusals again in words a
// panel member can act on (short words, what went wrong, what to do next) and names the field
// each one concerns, so the screen can show it next to that field. Offline, signed-out and
// server faults are not refusals: the screens handle those as before (undefined here).
import type { ApiProblem } from '../api-call';
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
  /** Where the round is now, in the panel's words, from the database's hint; '' if not given. */
  now: string;
}

type Rule = { when: RegExp; for?: RefusedAction[]; stageClosed?: true; say: (m: RegExpMatchArray, c: Context, p: ApiProblem) => Refusal[] };

const one = (field: string, message: string): Refusal[] => [{ field, message }];
const criterionField = (c: Context, title: string) => c.criteria.find((x) => x.title === title)?.id ?? 'form';
const nowAt = (c: Context) => (c.now ? ` This round is now at: ${c.now}.` : '');

// Labels the database uses for free text (private.clean_text), and the field each fills.
const TEXT_FIELDS: Record<string, { field: string; empty: string }> = {
  'the conditions': { field: 'conditions', empty: 'Write the conditions' },
  "the panel's reasons": { field: 'reasons', empty: "Write the panel's reasons" },
  'your comment': { field: 'comment', empty: 'Write your comment first' },
  'why you want to change your scores': { field: 'reason', empty: 'Say why you want to change your scores' },
  'why you have a conflict of interest': { field: 'reason', empty: 'Say briefly why you have a conflict of interest' },
};

const RULES: Rule[] = [
  // The round has moved on while the page was open.
  { when: /while the round is being scored/, for: ['scores'], stageClosed: true, say: (_, c) => one('form',
    `Scoring has closed for this round, so your scores were not sent.${nowAt(c)} Your scores are kept on this device. Ask the chair or the grants officer what to do.`) },
  { when: /while the round is being scored/, for: ['reopen'], stageClosed: true, say: (_, c) => one('reason',
    `Scoring has closed, so scores cannot be reopened now.${nowAt(c)} Talk to the chair at the panel meeting.`) },
  { when: /Conflicts of interest are declared while/, stageClosed: true, say: (_, c) => one('answer',
    `You can only answer this while the round is being scored or at the panel meeting.${nowAt(c)} Talk to the grants officer.`) },
  { when: /Recommendations are recorded at the panel meeting/, stageClosed: true, say: (_, c) => one('outcome',
    `Recommendations can only be saved at the panel meeting.${nowAt(c)} Nothing was changed. If something needs to change, talk to the grants officer.`) },
  { when: /Comments are added while/, stageClosed: true, say: (_, c) => one('comment',
    `Comments can only be added while councillors review the recommendations.${nowAt(c)} Your comment was not saved, but it is still in the box.`) },

  // Scores.
  { when: /Give "(.+)" a whole number from 0 to (\d+)/, say: (m, c) => one(criterionField(c, m[1]!), `Choose a score from 0 to ${m[2]} for "${m[1]}"`) },
  { when: /Your comment on "(.+)" is too long/, say: (m, c) => one(criterionField(c, m[1]!), `Your comment on "${m[1]}" is too long: keep it to 2,000 characters or fewer`) },
  { when: /Your comment on "(.+)" must be text/, say: (m, c) => one(criterionField(c, m[1]!), `Write your comment on "${m[1]}" in words`) },
  { when: /not part of this round/, say: () => one('form',
    'One of the questions has changed since you opened this page. Reload the page to see the questions as they are now. Your scores are kept on this device.') },
  { when: /Score every criterion before you submit/, say: (_, c, p) => {
    const titles = [...`${p.hint ?? ''} ${p.details ?? ''}`.matchAll(/"([^"]+)"/g)].map((x) => x[1]!);
    const found = titles.filter((t) => criterionField(c, t) !== 'form');
    return found.length ? found.map((t) => ({ field: criterionField(c, t), message: `Choose a score for "${t}"` })) : one('form', 'Choose a score for every question before you submit.');
  } },
  { when: /already submitted your scores/, say: () => one('form',
    'You have already sent your scores for this application. To change them, ask to change your scores and say why.') },
  { when: /not submitted, so you can still change them/, say: () => one('reason', 'Your scores are not sent yet, so you can still change them. Go back to the scoring form.') },
  { when: /already asked for these scores to be reopened/, say: () => one('reason', 'You have already asked to change these scores. The chair or the grants officer will reply.') },
  { when: /Only panel members with a seat/, say: () => one('form', 'Only panel members with a seat give scores. The clerk helps the panel but does not score.') },

  // Conflicts of interest and the agreement.
  { when: /cannot be withdrawn/, say: () => one('answer',
    'You have already said you have a conflict of interest with this application. It cannot be taken back. If it was a mistake, talk to the grants officer.') },
  { when: /Say whether you have a conflict/, say: () => one('answer', 'Choose yes or no') },
  { when: /^Tell us whether you have a conflict/, say: (_, c) => one(c.action === 'recommendation' ? 'outcome' : 'form',
    'First say whether you have a conflict of interest with this application. Open it from your list of applications to answer.') },
  { when: /declared a conflict of interest/, say: (_, c) => one(c.action === 'recommendation' ? 'outcome' : c.action === 'comment' ? 'comment' : 'form',
    'You said you have a conflict of interest with this application, so you cannot take part in this. Thank you for telling us.') },
  { when: /confidentiality agreement/, say: (_, c) => one(c.action === 'agreement' ? 'agree' : 'form',
    'First accept the confidentiality agreement for this round. Go back to the round to read it.') },
  { when: /Only members of this round's panel/, say: (_, c) => one(c.action === 'agreement' ? 'agree' : 'form',
    'You are not on the panel for this round. If you think you should be, talk to the grants officer.') },

  // Recommendations.
  { when: /Choose the recommendation/, say: () => one('outcome', 'Choose the recommendation') },
  { when: /Leave the amount empty/, say: () => one('amount', 'Leave the amount empty when the panel recommends not to award') },
  { when: /Enter the amount the panel recommends/, say: () => one('amount', 'Enter the amount in pounds, like 5000') },
  { when: /The amount cannot be more than/, say: (m) => one('amount', m.input!.replace(/\.$/, '')) },
  { when: /Say how the panel agreed/, say: () => one('how', 'Say how the panel agreed: everyone agreed, or a majority vote') },
  { when: /Only the chair, the clerk or a grants officer/, say: () => one('outcome', 'Only the chair, the clerk or a grants officer can record the recommendation.') },

  // Comments.
  { when: /not one of this round's review meetings/, say: () => one('meeting', 'Choose a meeting from the list, or "Not at a meeting"') },
  { when: /Only the councillors reviewing this round/, say: () => one('comment', 'Only the councillors reviewing this round can add comments.') },

  // Free text: empty or too long.
  { when: /^Enter (.+)\.$/, say: (m) => TEXT_FIELDS[m[1]!] ? one(TEXT_FIELDS[m[1]!]!.field, TEXT_FIELDS[m[1]!]!.empty) : one('form', m.input!) },
  { when: /too long for (.+): keep it to (\d+) characters/, say: (m) => one(TEXT_FIELDS[m[1]!]?.field ?? 'form',
    `This is too long: keep it to ${Number(m[2]).toLocaleString('en-GB')} characters or fewer`) },
];

/** Where the round is now, from the database's hint 'The round is at the "panel" stage.' */
export function stageFromHint(hint: string | undefined): RoundState | undefined {
  const stage = hint?.match(/at the "([a-z]+)" stage/)?.[1];
  return stage && stage in STATE_WORDS ? (stage as RoundState) : undefined;
}

export function explainRefusal(action: RefusedAction, problem: ApiProblem, criteria: { id: string; title: string }[] = []): Refusal[] | undefined {
  if (problem.offline || problem.signedOut || problem.status >= 500) return undefined;
  const stage = stageFromHint(problem.hint);
  const context: Context = { action, criteria, now: stage ? STATE_WORDS[stage] : '' };
  for (const rule of RULES) {
    if (rule.for && !rule.for.includes(action)) continue;
    const match = problem.message.match(rule.when);
    if (!match) continue;
    // A field this form does not have (e.g. a text rule shared by several forms) goes at the top.
    const known = new Set<string>(action === 'scores' ? criteria.map((c) => c.id) : FIELDS[action]);
    const said = rule.say(match, context, problem).map((r) => (known.has(r.field) ? r : { ...r, field: 'form' }));
    return rule.stageClosed ? said.map((r) => ({ ...r, stageClosed: true as const })) : said;
  }
  // Not one we know: the database's own words (written to be plain), with its hint.
  return one('form', [problem.message, problem.hint].filter(Boolean).join(' '));
}

/** The refusals as a field → message map, the shape the forms keep their errors in. */
export function refusalErrors(refusals: Refusal[]): Record<string, string> {
  return Object.fromEntries(refusals.map((r) => [r.field, r.message]));
}

/** Why a member cannot score now, from where the round is, before they try. */
export function notScoringWords(state: RoundState, keptOnDevice: boolean): string {
  const when = ROUND_STATES.indexOf(state) < ROUND_STATES.indexOf('scoring')
    ? `Scoring has not started for this round yet. It is at: ${STATE_WORDS[state]}.`
    : `Scoring has closed for this round. It is now at: ${STATE_WORDS[state]}.`;
  return `${when}${keptOnDevice ? ' The scores you chose are kept on this device.' : ''} Ask the chair or the grants officer what to do.`;
}
