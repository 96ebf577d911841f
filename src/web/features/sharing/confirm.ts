import { useEffect, useRef, useState } from 'react';

/**
 * Asking before an action on one item (withdraw this consent, remove this member): which item is
 * asked about, the busy and failed states, and — since the item and its button are gone after it —
 * focus to the section heading once the dialog has closed.
 */
export function useConfirmAction<T>(act: (item: T) => Promise<void>) {
  const [target, setTarget] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // after the dialog has closed (its own effect runs first), not while it still holds focus
  const [focusHeading, setFocusHeading] = useState(0);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  return {
    target,
    busy,
    failure,
    heading,
    ask: (item: T) => {
      setFailure(null);
      setTarget(item);
    },
    cancel: () => setTarget(null),
    confirm: async () => {
      if (!target) return;
      setBusy(true);
      setFailure(null);
      try {
        await act(target);
        setTarget(null);
        setFocusHeading((n) => n + 1);
      } catch (e) {
        setFailure(e);
      } finally {
        setBusy(false);
      }
    },
  };
}
