import { useCallback, useEffect, useState } from 'react';
import { describeFailure } from './admin-api';

/** A list only the server has (API keys, webhooks, deliveries), as a console tab shows it. */
export interface ServerList<T> {
  /** Null while loading; empty when the server could not be asked (then `error` says why). */
  readonly items: readonly T[] | null;
  readonly error: string | null;
  readonly setError: (error: string | null) => void;
  /** Asks the server again. */
  readonly load: () => void;
}

/**
 * Loads `fetchItems` when the tab opens and on `load()`, keeping what to tell the admin when it
 * fails (offline, it says the list needs a connection). `fetchItems` must keep its identity between
 * renders (a module function, or `useCallback`).
 */
export function useServerList<T>(fetchItems: () => Promise<readonly T[]>): ServerList<T> {
  const [items, setItems] = useState<readonly T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setItems(null);
    fetchItems().then(
      (answer) => {
        setItems(answer);
        setError(null);
      },
      (failure: unknown) => {
        setError(describeFailure(failure));
        setItems([]);
      },
    );
  }, [fetchItems]);
  useEffect(load, [load]);
  return { items, error, setError, load };
}
