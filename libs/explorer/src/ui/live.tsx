import { useEffect, useState } from 'preact/hooks';

/** The store's version, pushed by the server (Server-Sent Events) whenever spans arrive. */
export function useLiveVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const source = new EventSource('/api/live');
    source.onmessage = (event) => setVersion(Number(event.data));
    return () => source.close();
  }, []);
  return version;
}

/**
 * The answer of `load` for the current `inputs`, fetched again whenever they change or spans
 * arrive; an answer that comes back after newer inputs were asked for is dropped.
 */
export function useLiveQuery<T>(load: () => Promise<T>, inputs: unknown[]): { data: T | undefined; error: string | undefined } {
  const [state, setState] = useState<{ data: T | undefined; error: string | undefined }>({ data: undefined, error: undefined });
  const version = useLiveVersion();
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ data, error: undefined }),
      (failure: Error) => current && setState((previous) => ({ data: previous.data, error: failure.message })),
    );
    return () => {
      current = false;
    };
    // `load` closes over `inputs`, which are the real dependencies.
  }, [...inputs, version]);
  return state;
}
