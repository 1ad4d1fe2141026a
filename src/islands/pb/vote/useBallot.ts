// The resident's ballot in one process: what the server holds (status, shortlist, the ballot that
// counts) and the cart on screen. The cart is kept on the device at every change, so a dropped
// connection, a reload or a sign-in never loses it; the server stays the truth about what
// counts, and is asked again when the connection comes back, when the tab is looked at again,
// and when another tab of this browser sends a vote (a storage event), so a second tab or a
// lost reply is shown as it really is. One ballot per person is the database's rule; the
// screen only makes sure it never claims more than the database said.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import {
  castBallot,
  getMyBallot,
  getMyStatus,
  getShortlist,
  type PbCastReceipt,
  type PbMyBallot,
  type PbMyStatus,
  type PbProcess,
  type PbShortlist,
} from '../../../lib/api/pb-residents';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from '../../../lib/grants/local-drafts';
import { sameChoice } from '../../../lib/pb/ballot-cart';

export type Loaded = { status: PbMyStatus; shortlist: PbShortlist; ballot: PbMyBallot };

const draftKey = (processId: string) => `pb-ballot:${processId}`;
/** Written when a tab sends a vote, so the other tabs of this browser look again. */
export const sentSignalKey = (processId: string) => `wt-pb-sent:${processId}`;

const versionOf = (b: PbMyBallot) => (b ? `${b.cast_at}|${b.changed_at ?? ''}|${b.changes}` : 'none');

export function useBallot(process: PbProcess, userId: string | undefined) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadProblem, setLoadProblem] = useState<ApiProblem>();
  const [chosen, setChosenState] = useState<string[]>([]);
  /** The cart came back from the device, holding choices not yet sent. */
  const [restored, setRestored] = useState(false);
  /** When the ballot that counts was changed by another tab or device while this one was open. */
  const [changedElsewhere, setChangedElsewhere] = useState<string>();
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine);
  const known = useRef<string | undefined>(undefined);
  const key = draftKey(process.id);

  const load = useCallback(async () => {
    setLoadProblem(undefined);
    const [status, shortlist, ballot] = await Promise.all([
      getMyStatus({ p_process_id: process.id }),
      getShortlist({ p_process_id: process.id }),
      getMyBallot({ p_process_id: process.id }),
    ]);
    const problem = [status, shortlist, ballot].find((r) => !r.ok) as ApiProblem | undefined;
    if (problem || !status.ok || !shortlist.ok || !ballot.ok) return setLoadProblem(problem);
    known.current = versionOf(ballot.data);
    const draft = loadLocalDraft<string[]>(key);
    const sent = ballot.data?.proposals.map((p) => p.id) ?? [];
    const useDraft = !!draft?.pending && Array.isArray(draft.value) && !sameChoice(draft.value, sent);
    setChosenState(useDraft ? draft.value : sent);
    setRestored(useDraft);
    setLoaded({ status: status.data, shortlist: shortlist.data, ballot: ballot.data });
  }, [process.id, key]);

  useEffect(() => {
    if (userId) void load();
  }, [userId, load]);

  /** Asks the server for the ballot that counts; `own` after this tab's own send. */
  const refreshBallot = useCallback(
    async (own = false) => {
      const ballot = await getMyBallot({ p_process_id: process.id });
      if (!ballot.ok) return;
      const version = versionOf(ballot.data);
      if (!own && known.current !== undefined && version !== known.current && ballot.data) {
        setChangedElsewhere(ballot.data.changed_at ?? ballot.data.cast_at);
      }
      known.current = version;
      setLoaded((l) => (l ? { ...l, ballot: ballot.data, status: { ...l.status, voted: l.status.voted || !!ballot.data } } : l));
    },
    [process.id],
  );

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === sentSignalKey(process.id)) void refreshBallot();
    };
    const onOnline = () => {
      setOnline(true);
      void refreshBallot();
    };
    const onOffline = () => setOnline(false);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refreshBallot();
    };
    addEventListener('storage', onStorage);
    addEventListener('online', onOnline);
    addEventListener('offline', onOffline);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      removeEventListener('storage', onStorage);
      removeEventListener('online', onOnline);
      removeEventListener('offline', onOffline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [process.id, refreshBallot]);

  const setChosen = useCallback(
    (ids: string[]) => {
      setChosenState(ids);
      saveLocalDraft(key, ids, true);
    },
    [key],
  );

  /** Back to the ballot that counts now, dropping the cart's unsent changes. */
  const restartFromCounted = useCallback(() => {
    const ids = loaded?.ballot?.proposals.map((p) => p.id) ?? [];
    setChosenState(ids);
    clearLocalDraft(key);
    setRestored(false);
    setChangedElsewhere(undefined);
  }, [loaded, key]);

  const send = useCallback(async (): Promise<{ ok: true; receipt: PbCastReceipt } | ApiProblem> => {
    const result = await castBallot({ p_process_id: process.id, p_proposal_ids: chosen });
    if (!result.ok) {
      // A reply lost on the way back may still have been a vote that arrived: ask, so the page
      // shows what counts now rather than a guess.
      if (result.offline) void refreshBallot();
      return result;
    }
    clearLocalDraft(key);
    setRestored(false);
    setChangedElsewhere(undefined);
    try {
      localStorage.setItem(sentSignalKey(process.id), `${Date.now()}`);
    } catch {
      // Without storage, other tabs still look again when they are next shown.
    }
    await refreshBallot(true);
    return { ok: true, receipt: result.data };
  }, [process.id, chosen, key, refreshBallot]);

  return {
    loaded,
    loadProblem,
    load,
    chosen,
    setChosen,
    restored,
    changedElsewhere,
    dismissChange: () => setChangedElsewhere(undefined),
    restartFromCounted,
    send,
    online,
    setStatus: (status: PbMyStatus) => setLoaded((l) => (l ? { ...l, status } : l)),
  };
}
