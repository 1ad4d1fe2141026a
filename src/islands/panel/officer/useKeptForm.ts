// What an officer types into a form is kept on the device as they type, until the server has
// it. So when a save fails (network down, server trouble) or the session ends and sign-in takes
// them away from the page, the form comes back as they left it, and the message "your work is
// kept on this device" is true. forget() is called once the server has saved it.
import { useCallback, useState } from 'react';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from '../../../lib/panel/local-drafts';

export function useKeptForm<T extends object>(key: string, initial: () => T): [T, (next: T) => void, () => void] {
  const storageKey = `officer:${key}`;
  const [value, setValue] = useState<T>(() => ({ ...initial(), ...loadLocalDraft<T>(storageKey)?.value }));
  const set = useCallback((next: T) => {
    setValue(next);
    saveLocalDraft(storageKey, next);
  }, [storageKey]);
  const forget = useCallback(() => {
    clearLocalDraft(storageKey);
    setValue(initial());
  }, [storageKey, initial]);
  return [value, set, forget];
}
