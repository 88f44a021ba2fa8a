/** The permission a configuration key needs for each API collection. */
const PERMISSIONS: Record<string, string> = {
  queries: 'Manage Queries and Columns',
  query_annotations: 'Manage Queries and Columns',
  derived_columns: 'Manage Queries and Columns',
  boards: 'Manage Public Boards',
  slos: 'Manage SLOs',
  burn_alerts: 'Manage SLOs',
  triggers: 'Manage Triggers',
  recipients: 'Manage Recipients',
};

export const permissionFor = (path: string): string | undefined => PERMISSIONS[path.split('/')[2] ?? ''];

/** A failed Honeycomb API call; `message` is one line that says what to do about it. */
export class HoneycombApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly detail: string,
  ) {
    super(describe(status, `${method} ${path}`, detail, permissionFor(path)));
    this.name = 'HoneycombApiError';
  }
}

function describe(status: number, call: string, detail: string, permission: string | undefined): string {
  const because = detail ? `: ${detail}` : '';
  switch (status) {
    case 401:
      return `Honeycomb rejected the configuration key (401 on ${call}): check HONEYCOMB_CONFIG_KEY`;
    case 403:
      return `the configuration key lacks the "${permission ?? 'required'}" permission (403 on ${call})`;
    case 404:
      return `not found (404 on ${call}): check the dataset name and HONEYCOMB_API_ENDPOINT${because}`;
    case 409:
      return `conflict (409 on ${call}): the object already exists or changed meanwhile${because}`;
    case 422:
      return `Honeycomb rejected the definition (422 on ${call})${because}`;
    case 429:
      return `rate limited by Honeycomb (429 on ${call}) after every retry: try again later`;
    default:
      return `Honeycomb API error ${status} on ${call}${because}`;
  }
}

/** Honeycomb answers errors as `{error}` or as a detailed error with `type_detail` per field. */
export function errorDetail(body: unknown): string {
  if (typeof body === 'string') return body.trim().slice(0, 300);
  if (!body || typeof body !== 'object') return '';
  const b = body as { error?: unknown; detail?: unknown; title?: unknown; type_detail?: unknown };
  const main = [b.error, b.detail, b.title].find((x): x is string => typeof x === 'string' && x !== '') ?? '';
  const fields = Array.isArray(b.type_detail)
    ? b.type_detail.map((d: { field?: string; description?: string }) => [d.field, d.description].filter(Boolean).join(': '))
    : [];
  return [main, ...fields].filter(Boolean).join('; ');
}
