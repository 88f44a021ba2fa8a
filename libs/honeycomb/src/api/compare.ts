const isEmpty = (value: unknown): boolean =>
  value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Whether the remote value carries everything the desired one says. Fields Honeycomb adds (ids,
 * timestamps, defaults) are ignored, and an empty desired value matches a missing remote one.
 */
export function matches(desired: unknown, remote: unknown): boolean {
  if (desired === undefined) return true;
  if (remote === undefined || remote === null) return isEmpty(desired);
  if (Array.isArray(desired)) {
    return Array.isArray(remote) && remote.length === desired.length && desired.every((d, i) => matches(d, remote[i]));
  }
  if (typeof desired === 'object' && desired !== null) {
    if (typeof remote !== 'object') return false;
    return Object.entries(desired).every(([key, value]) => matches(value, (remote as Record<string, unknown>)[key]));
  }
  return desired === remote;
}

/** The top-level fields of a request body that differ from the remote object. */
export function changedFields(desired: Record<string, unknown>, remote: Record<string, unknown>): string[] {
  return Object.keys(desired).filter((key) => !matches(desired[key], remote[key]));
}
