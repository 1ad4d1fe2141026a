// Typed work is never lost: every change is kept on the device (localStorage) until the server
// has it. If the network drops or the session ends, the copy waits and is sent later.
// Each copy records whose it is: on a shared computer one person never sees another's drafts,
// and choosing to sign out removes that person's copies (a session that merely ended keeps them).

export interface StoredDraft<T> {
  value: T;
  savedAt: string;
  /** True while the server has not yet confirmed this version. */
  pending: boolean;
  /** The signed-in person's id when it was typed. */
  owner?: string;
}

let owner: string | undefined;

/** Set once the signed-in person is known; drafts are then saved as, and read only for, them. */
export function setDraftOwner(id: string | undefined): void {
  owner = id;
}

const PREFIX = 'wt-draft:';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // private browsing modes can refuse storage: work still goes to the server
  }
}

export function saveLocalDraft<T>(key: string, value: T, pending = true, now = new Date()): void {
  const draft: StoredDraft<T> = { value, savedAt: now.toISOString(), pending, ...(owner ? { owner } : {}) };
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or refused: nothing more we can do on the device.
  }
}

export function loadLocalDraft<T>(key: string): StoredDraft<T> | undefined {
  const text = storage()?.getItem(PREFIX + key);
  if (!text) return undefined;
  try {
    const draft = JSON.parse(text) as StoredDraft<T>;
    return draft.owner && owner && draft.owner !== owner ? undefined : draft;
  } catch {
    return undefined;
  }
}

export function markDraftSent(key: string): void {
  const draft = loadLocalDraft(key);
  if (draft) saveLocalDraft(key, draft.value, false, new Date(draft.savedAt));
}

export function clearLocalDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** Keys of drafts the server has not confirmed, for sending when the connection returns. */
export function pendingDraftKeys(prefix = ''): string[] {
  const s = storage();
  if (!s) return [];
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(PREFIX + prefix) && loadLocalDraft(key.slice(PREFIX.length))?.pending) keys.push(key.slice(PREFIX.length));
  }
  return keys;
}

/** On a chosen sign-out: removes the person's drafts (and any with no owner) from the device. */
export function clearDraftsOf(id: string | undefined): void {
  const s = storage();
  if (!s) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) keys.push(s.key(i)!);
  for (const key of keys) {
    if (!key.startsWith(PREFIX)) continue;
    let draftOwner: string | undefined;
    try {
      draftOwner = (JSON.parse(s.getItem(key) ?? '{}') as StoredDraft<unknown>).owner;
    } catch {
      // A damaged copy is no use to anyone: remove it too.
    }
    if (!draftOwner || draftOwner === id) s.removeItem(key);
  }
}
