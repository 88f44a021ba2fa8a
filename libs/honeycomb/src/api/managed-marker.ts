/**
 * Every object apply creates carries this marker at the end of its description, so
 * `--delete-unmanaged` can tell what this tool made from what people made in Honeycomb's UI or with
 * other tools, and never deletes the latter.
 */
export const MANAGED_MARKER = '[managed by @lift-sys/honeycomb]';

/** The description apply sends: the user's text, then the marker. */
export function markDescription(description: string | undefined): string {
  return description ? `${description} ${MANAGED_MARKER}` : MANAGED_MARKER;
}

/** Whether a remote object's description carries the marker. */
export const isManaged = (description: unknown): boolean =>
  typeof description === 'string' && description.endsWith(MANAGED_MARKER);

/** The user's text of a remote description, without the marker. */
export function unmarkDescription(description: unknown): string {
  const text = typeof description === 'string' ? description : '';
  return isManaged(text) ? text.slice(0, -MANAGED_MARKER.length).trimEnd() : text;
}

/** How long a user's description may be once the marker is appended within Honeycomb's `limit`. */
export const describableLength = (limit: number): number => limit - MANAGED_MARKER.length - 1;
