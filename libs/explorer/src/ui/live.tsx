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
