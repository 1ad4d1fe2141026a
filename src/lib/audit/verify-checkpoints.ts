// Checks the audit chain against the published, signed checkpoints, trusting nothing the
// database says about itself: each event's hash is recomputed here from the text it was taken
// over, each lane is re-linked here, and each checkpoint's signature is checked with the public
// key. A rewrite the database owner re-linked (recomputing later hashes and the heads) still
// cannot match a checkpoint signed before it, so it is found at the first checkpoint covering it.
import { checkCheckpoint, sha256Hex, type SignedCheckpoint, type Statement } from '../../../supabase/functions/_shared/audit-checkpoint.ts';

/** One event as api.audit_chain_export returns it. */
export interface ExportedEvent {
  id: number;
  lane: number;
  prev_hash: string;
  hash: string;
  text: string;
}
/** Pages of the chain in id order, after the given id. */
export type ReadChain = (afterId: number) => Promise<ExportedEvent[]>;

export interface Problem {
  /** The event where it shows, if one. */
  event?: number;
  checkpoint?: string;
  message: string;
}
export interface CheckpointVerdict {
  /** No problem found in anything a checkpoint covers, and the chain links up throughout. */
  intact: boolean;
  problems: Problem[];
  events: number;
  checkpoints: number;
  /** Events after the newest checkpoint: a re-linked rewrite of them cannot be found yet. */
  notYetCovered: { events: number; firstId: number | null; since: string | null; message: string } | null;
}

const ZERO = '0'.repeat(64);

export async function verifyAgainstCheckpoints(
  readChain: ReadChain,
  published: SignedCheckpoint[],
  publicKey: JsonWebKey,
): Promise<CheckpointVerdict> {
  const problems: Problem[] = [];
  const statements: Statement[] = [];
  for (const [i, checkpoint] of published.entries()) {
    const checked = await checkCheckpoint(checkpoint, publicKey);
    if (checked.ok) statements.push(checked.statement);
    else problems.push({ checkpoint: `#${i + 1}`, message: `Checkpoint ${i + 1} cannot be trusted. ${checked.reason}` });
  }
  statements.sort((a, b) => a.at.localeCompare(b.at));
  const label = (s: Statement) => `${s.at} (${s.events} events)`;

  // What each checkpoint says about each lane: the hash of its n-th event.
  const expected = new Map<number, Map<number, { hash: string; checkpoint: Statement }[]>>();
  for (const s of statements) {
    for (const l of s.lanes) {
      if (l.events === 0) continue;
      const lane = expected.get(l.lane) ?? new Map();
      expected.set(l.lane, lane);
      lane.set(l.events, [...(lane.get(l.events) ?? []), { hash: l.hash, checkpoint: s }]);
    }
  }
  const last = statements.at(-1);
  const lastCount = new Map(last?.lanes.map((l) => [l.lane, l.events]) ?? []);

  const prev = new Map<number, string>();
  const count = new Map<number, number>();
  let events = 0;
  let uncovered = 0;
  let firstUncovered: number | null = null;
  for (let after = 0; ;) {
    const page = await readChain(after);
    if (page.length === 0) break;
    for (const e of page) {
      after = e.id;
      events++;
      const position = (count.get(e.lane) ?? 0) + 1;
      count.set(e.lane, position);
      let fields: { id?: number; lane?: number; prev_hash?: string; at?: string } = {};
      try {
        fields = JSON.parse(e.text);
      } catch {
        problems.push({ event: e.id, message: `Event ${e.id} cannot be read.` });
      }
      if (fields.id !== e.id || fields.lane !== e.lane || fields.prev_hash !== e.prev_hash) {
        problems.push({ event: e.id, message: `Event ${e.id} is not what its own contents say it is.` });
      }
      if ((await sha256Hex(e.prev_hash + e.text)) !== e.hash) {
        problems.push({ event: e.id, message: `Event ${e.id} was changed after it was written: its contents no longer match its hash.` });
      }
      if (e.prev_hash !== (prev.get(e.lane) ?? ZERO)) {
        problems.push({ event: e.id, message: `Event ${e.id} does not follow on from the one before it in lane ${e.lane}.` });
      }
      prev.set(e.lane, e.hash);
      for (const want of expected.get(e.lane)?.get(position) ?? []) {
        if (want.hash !== e.hash) {
          problems.push({
            event: e.id,
            checkpoint: label(want.checkpoint),
            message: `Lane ${e.lane} differs from checkpoint ${label(want.checkpoint)}: at its event number ${position} (now event ${e.id}) the chain was rewritten, or events before it were removed or added.`,
          });
        }
      }
      // Dated before a checkpoint, yet not in it: added afterwards with a false date.
      const at = fields.at ?? '';
      const covering = statements.find((s) => s.at >= at);
      const coveredCount = covering?.lanes.find((l) => l.lane === e.lane)?.events ?? 0;
      if (covering && position > coveredCount) {
        problems.push({
          event: e.id,
          checkpoint: label(covering),
          message: `Event ${e.id} is dated ${at}, before checkpoint ${label(covering)}, but that checkpoint does not include it: it was added later.`,
        });
      }
      if (position > (lastCount.get(e.lane) ?? 0)) {
        uncovered++;
        firstUncovered ??= e.id;
      }
    }
  }
  for (const s of statements) {
    for (const l of s.lanes) {
      const have = count.get(l.lane) ?? 0;
      if (have < l.events) {
        problems.push({
          checkpoint: label(s),
          message: `Lane ${l.lane} now holds ${have} events, but checkpoint ${label(s)} signed ${l.events}: events it covered were removed.`,
        });
      }
    }
  }
  const notYetCovered =
    uncovered === 0
      ? null
      : {
          events: uncovered,
          firstId: firstUncovered,
          since: last?.at ?? null,
          message: `${uncovered} event${uncovered === 1 ? '' : 's'} written ${last ? `after the last checkpoint (${last.at})` : 'so far (there is no checkpoint yet)'} ${uncovered === 1 ? 'is' : 'are'} not yet covered: a rewrite of ${uncovered === 1 ? 'it' : 'them'} cannot be detected until a checkpoint covers ${uncovered === 1 ? 'it' : 'them'}.`,
        };
  return { intact: problems.length === 0, problems, events, checkpoints: statements.length, notYetCovered };
}
