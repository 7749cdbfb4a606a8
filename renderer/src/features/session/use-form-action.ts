import { useState, type FormEvent } from 'react';

/**
 * A form's submit on the screens before the app: runs `action`, busy meanwhile, and keeps what went
 * wrong as a readable message (`describe`) until the next try.
 */
export function useFormAction(action: () => Promise<void>, describe: (error: unknown) => string) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    setIsBusy(true);
    try {
      await action();
    } catch (caught) {
      setError(describe(caught));
    } finally {
      setIsBusy(false);
    }
  };
  return { error, isBusy, onSubmit: (event: FormEvent) => void submit(event) };
}
