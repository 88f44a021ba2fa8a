import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type Route = { view: 'traces' } | { view: 'trace'; traceId: string; spanId?: string } | { view: 'boards' };

/** `/`, `/trace/<id>` (optionally `#span-<spanId>`) and `/boards`: a trace id from an x-trace-id header pastes straight into the URL. */
export function parseRoute(location: Location): Route {
  const trace = /^\/trace\/([0-9a-fA-F]{1,32})\/?$/.exec(location.pathname);
  if (trace) {
    const span = /^#span-([0-9a-fA-F]{16})$/.exec(location.hash);
    return span
      ? { view: 'trace', traceId: trace[1]!.toLowerCase(), spanId: span[1]!.toLowerCase() }
      : { view: 'trace', traceId: trace[1]!.toLowerCase() };
  }
  if (location.pathname === '/boards') return { view: 'boards' };
  return { view: 'traces' };
}

const listeners = new Set<() => void>();

export function navigate(href: string): void {
  history.pushState(null, '', href);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** A link that navigates without reloading the page (plain click) and still opens in a new tab (modifier click). */
export function Link(props: { href: string; class?: string; children: ComponentChildren; testId?: string }) {
  return (
    <a
      href={props.href}
      class={props.class}
      data-testid={props.testId}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
