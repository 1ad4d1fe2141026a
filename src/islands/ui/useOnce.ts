// One click, one request: a second press of a button while its request is still on the way is
// ignored, so a double click cannot save, submit or record anything twice. The button stays
// focusable (aria-disabled, not disabled) so a keyboard or screen reader user does not lose
// their place while it works.
import { useCallback, useRef, useState } from 'react';

export function useOnce(): [boolean, <T>(work: () => Promise<T>) => Promise<T | undefined>] {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const once = useCallback(async <T>(work: () => Promise<T>) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    try {
      return await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return [busy, once];
}
