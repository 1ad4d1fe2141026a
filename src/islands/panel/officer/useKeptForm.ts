// What an officer types into a form is kept on the device as they type, until the server has
// it (the same kept copy the panel's forms use, see ../useKeptDraft.ts). So when a save fails or
// the session ends, the form comes back as they left it, and "your work is kept on this device"
// is true. forget() is called once the server has saved it.
import { useState } from 'react';
import { useKeptDraft } from '../useKeptDraft';

export function useKeptForm<T extends object>(key: string, initial: () => T): [T, (next: T) => void, () => void] {
  const [start] = useState(initial);
  const kept = useKeptDraft(`officer:${key}`, start);
  return [kept.value, kept.update, kept.forget];
}
