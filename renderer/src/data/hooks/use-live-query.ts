import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/**
 * The latest value of an observable (an RxDB live query), `undefined` until the first one.
 * `create` is called again whenever `deps` change.
 */
export function useObservableValue<T>(create: () => Observable<T> | null, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    setValue(undefined);
    const observable = create();
    if (!observable) return undefined;
    const subscription = observable.subscribe(setValue);
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
