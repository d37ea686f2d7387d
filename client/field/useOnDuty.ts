import { useCallback, useState } from 'react';

const KEY = 'gc-field-on-duty';

/** The on-duty switch, kept across reloads (it is a preference, not a credential). */
export function useOnDuty(onSwitch: (onDuty: boolean) => void): [boolean, (onDuty: boolean) => void] {
  const [onDuty, setOnDuty] = useState(() => localStorage.getItem(KEY) === '1');
  const set = useCallback(
    (next: boolean) => {
      localStorage.setItem(KEY, next ? '1' : '0');
      setOnDuty(next);
      onSwitch(next);
    },
    [onSwitch],
  );
  return [onDuty, set];
}
