export type IdKind = 'recipient' | 'query' | 'query annotation' | 'SLO';

/**
 * Honeycomb ids of the objects definitions refer to by name. Before an object exists its id is a
 * placeholder, which never equals a real id, so anything pointing at it plans as changed.
 */
export class IdRegistry {
  private readonly ids = new Map<string, string>();

  set(kind: IdKind, name: string, id: string): void {
    this.ids.set(`${kind}\u0000${name}`, id);
  }

  get(kind: IdKind, name: string): string {
    return this.ids.get(`${kind}\u0000${name}`) ?? `(new ${kind} ${name})`;
  }
}
