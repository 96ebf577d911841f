import { useEffect, useRef } from 'react';

/**
 * Focus goes back to the button that opened a form once the form closes (saved or cancelled), so
 * a keyboard user continues where they were. Returns the ref for that button.
 */
export function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return opener;
}
