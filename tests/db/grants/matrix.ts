// The table-driven access matrix: each row is one api function, called by every kind of caller
// in turn (refused kinds first, so their calls meet the state an allowed call would change).
// An allowed call must answer 200/204 (and pass the row's check); a refused one must answer the
// given status and SQLSTATE and leave the audit chain exactly where it was: nothing changed.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../supabase/local/database.ts';
import { callAs } from '../../support/db.ts';
import { chainHead, refusalOf } from './support.ts';
import { KINDS, type Kind, type World } from './world.ts';

export type Outcome = 200 | 204 | readonly [status: number, code: string];
export const ANON = [401, '42501'] as const; // no execute grant for anon
export const DENY = [403, 'PT403'] as const;
export const HIDDEN = [404, 'PT404'] as const;
export const NO_GRANT = [403, '42501'] as const; // granted to the service role only
export const NOT_NOW = [409, 'PT409'] as const;

export interface MatrixRow {
  fn: string;
  args: (w: World, kind: Kind) => Record<string, unknown>;
  expect: Record<Kind, Outcome>;
  /** Checks the answer; each row knows the shape of its own function's answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list holds rows for every api function, so `data` has no single type.
  check?: (data: any, kind: Kind, w: World) => void;
}

/** Every kind gets `base` (anonymous gets ANON) unless named in `overrides`. */
export function outcomes(base: Outcome, overrides: Partial<Record<Kind, Outcome>> = {}): Record<Kind, Outcome> {
  return Object.fromEntries(KINDS.map((k) => [k, overrides[k] ?? (k === 'anonymous' ? ANON : base)])) as Record<Kind, Outcome>;
}

export const officerOnly = (overrides: Partial<Record<Kind, Outcome>> = {}) => outcomes(DENY, { officer: 200, ...overrides });

/** The kinds who cannot know the round exists. */
export const OUTSIDERS = { stranger: HIDDEN, applicant: HIDDEN, otherRound: HIDDEN, scrutiny: HIDDEN } as const;

/** Before the panel has recommended, a reviewing councillor is an outsider too: the round is not theirs to see yet. */
export const BEFORE_REVIEW = { ...OUTSIDERS, reviewer: HIDDEN } as const;

export function runMatrix(context: { db: () => Database; world: () => World }, rows: MatrixRow[]) {
  for (const row of rows) {
    describe(`api.${row.fn}`, () => {
      for (const kind of KINDS) {
        const outcome = row.expect[kind];
        const label = typeof outcome === 'number' ? `allowed (${outcome})` : `refused ${outcome[0]} ${outcome[1]}`;
        it(`${kind}: ${label}`, async () => {
          const db = context.db();
          const w = context.world();
          const before = await chainHead(db);
          const result = await callAs(db, w.actors[kind], row.fn, row.args(w, kind));
          if (typeof outcome === 'number') {
            if (!result.ok) expect.fail(`expected ${outcome}, got ${result.status} ${result.code}: ${result.message}`);
            expect(result.status).toBe(outcome);
            row.check?.(result.data, kind, w);
          } else {
            expect(result).toMatchObject({ ok: false, status: outcome[0], code: outcome[1] });
            // Our own refusals say why in plain words; anon's 401 is Postgres's own, as on PostgREST.
            if (!result.ok && outcome[1] !== '42501') {
              expect(result.message, 'a refusal says why in plain words').toMatch(/^[A-Z"].{10,}/);
              // ...and names its key, which the screens choose their words by (src/lib/refusals/).
              expect(refusalOf(result).key, 'a refusal names its key').toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
            }
            expect(await chainHead(db), 'a refused call changed nothing').toBe(before);
          }
        });
      }
    });
  }
}

/** The api functions each matrix file covers; together, every grants function in `api`. */
export const MATRIX_FUNCTIONS = {
  setup: [
    'create_fund',
    'update_fund',
    'create_round',
    'update_round',
    'add_criterion',
    'update_criterion',
    'remove_criterion',
    'list_funds',
    'add_application',
    'write_application_summary',
    'officer_application',
    'round_applications',
    'list_people',
    'add_panel_member',
    'remove_panel_member',
    'add_reviewer',
    'remove_reviewer',
    'my_rounds',
    'get_round',
    'audit_trail',
    'audit_filter_choices',
    'verify_audit_chain',
    'move_round',
    'remind_unsent_drafts',
    'my_access',
    'audit_checkpoint_heads',
    'record_audit_checkpoint',
    'audit_chain_export',
  ],
  scoring: [
    'accept_confidentiality',
    'my_applications',
    'declare_interest',
    'open_application_pack',
    'save_draft_scores',
    'submit_scores',
    'request_score_reopen',
    'grant_score_reopen',
    'round_progress',
    'round_conflicts',
  ],
  review: [
    'round_results',
    'cast_panel_vote',
    'record_recommendation',
    'export_round_report',
    'review_recommendations',
    'add_review_meeting',
    'add_review_comment',
    'record_cabinet_decision',
    'record_cabinet_agreed',
    'published_awards',
    'grant_round_360giving',
  ],
} as const;
