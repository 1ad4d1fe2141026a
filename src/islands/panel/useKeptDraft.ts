// Typed work kept on the device as it is typed (see lib/grants/local-drafts.ts), so a session
// that ends, or a page left by mistake, loses nothing: the form starts from the kept copy.
import { useState } from 'react';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from '../../lib/grants/local-drafts';

export function useKeptDraft<T extends object>(key: string, initial: T) {
  const [kept] = useState(() => loadLocalDraft<T>(key));
  const [value, setValue] = useState<T>(() => (kept?.pending ? { ...initial, ...kept.value } : initial));
  const update = (changes: Partial<T>) =>
    setValue((old) => {
      const next = { ...old, ...changes };
      saveLocalDraft(key, next);
      return next;
    });
  /** Once the server has the work, or the person cancels it, the device copy goes. */
  const forget = () => {
    clearLocalDraft(key);
    setValue(initial);
  };
  return { value, update, forget, restored: Boolean(kept?.pending) };
}

/** Whether there is typed work on this device not yet saved, for reopening the form it came from. */
export const hasKeptDraft = (key: string) => Boolean(loadLocalDraft(key)?.pending);
