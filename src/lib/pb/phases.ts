// A participatory-budgeting process's phases, in order. The one home of this list is the SQL
// enum private.pb_phase (supabase/migrations/20261204000000_pb_schema.sql); this copy is what
// TypeScript derives its types from, and tests/db/pb/phases.test.ts checks the two agree.
export const PB_PHASES = ['draft', 'proposals', 'review', 'voting', 'counting', 'results'] as const;

export type PbPhase = (typeof PB_PHASES)[number];

/** Whether `phase` is `from` or later. */
export function isPhaseFrom(phase: PbPhase, from: PbPhase): boolean {
  return PB_PHASES.indexOf(phase) >= PB_PHASES.indexOf(from);
}
