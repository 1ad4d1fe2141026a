// Typed work is never lost: every change is kept on the device (localStorage) until the server
// has it. If the network drops or the session ends, the copy waits and is sent later.

export interface StoredDraft<T> {
  value: T;
  savedAt: string;
  /** True while the server has not yet confirmed this version. */
  pending: boolean;
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
  const draft: StoredDraft<T> = { value, savedAt: now.toISOString(), pending };
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
    return JSON.parse(text) as StoredDraft<T>;
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
