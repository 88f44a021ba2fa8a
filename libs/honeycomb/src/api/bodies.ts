import type { Board, BoardPanel } from '../spec/board.js';
import type { DerivedColumn } from '../spec/derived-column.js';
import type { NamedQuery } from '../spec/definitions.js';
import { recipientDisplayName, recipientKey, type Recipient, type RecipientRef, type RecipientType } from '../spec/recipient.js';
import type { BurnAlert, Slo } from '../spec/slo.js';
import type { Trigger } from '../spec/trigger.js';
import type { IdRegistry } from './id-registry.js';
import { markDescription } from './managed-marker.js';

export type Body = Record<string, unknown>;

/**
 * Where each recipient type keeps its target and its display name in the Recipients API's `details`
 * (terraform-provider-honeycombio client/recipient.go, RecipientDetails).
 */
const TARGET_FIELD: Record<RecipientType, string> = {
  email: 'email_address',
  slack: 'slack_channel',
  pagerduty: 'pagerduty_integration_key',
  webhook: 'webhook_url',
};

const NAME_FIELD: Partial<Record<RecipientType, string>> = {
  pagerduty: 'pagerduty_integration_name',
  webhook: 'webhook_name',
};

/** Recipients are team-wide and have no description, so they carry no managed marker and are never deleted. */
export function recipientBody(r: Recipient): Body {
  const details: Body = { [TARGET_FIELD[r.type]]: r.target };
  const nameField = NAME_FIELD[r.type];
  if (nameField) details[nameField] = recipientDisplayName(r);
  return { type: r.type, details };
}

/** The `type:target` key of a recipient as the Recipients API returns it. */
export function remoteRecipientKey(remote: Body): string | undefined {
  const type = remote['type'] as RecipientType;
  const details = (remote['details'] ?? {}) as Body;
  const target = TARGET_FIELD[type] ? details[TARGET_FIELD[type]] : undefined;
  return typeof target === 'string' ? recipientKey({ type, target }) : undefined;
}

export const derivedColumnBody = (d: DerivedColumn): Body => ({
  alias: d.alias,
  expression: d.expression,
  description: markDescription(d.description),
});

/** A new annotation; `query_id` is fixed once created, so updates only ever repeat it. */
export const annotationBody = (q: NamedQuery, ids: IdRegistry): Body => ({
  ...annotationUpdateBody(q),
  query_id: ids.get('query', q.name),
});

export const annotationUpdateBody = (q: NamedQuery): Body => ({ name: q.name, description: markDescription(q.description) });

export const sloBody = (s: Slo): Body => ({
  name: s.name,
  description: markDescription(s.description),
  sli: { alias: s.sli.alias },
  target_per_million: s.target_per_million,
  time_period_days: s.time_period_days,
});

/** Code-unit order of ids, the one order both request bodies and remote state use. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorted by id, as remote state sorts what Honeycomb returns, so order never reads as a change. */
const recipientIds = (refs: readonly RecipientRef[] | undefined, ids: IdRegistry): Body[] =>
  [...new Set((refs ?? []).map((r) => ids.get('recipient', recipientKey(r))))].sort(compareIds).map((id) => ({ id }));

export function burnAlertBody(b: BurnAlert, ids: IdRegistry): Body {
  const { slo, recipients, description, ...rest } = b;
  return {
    ...rest,
    description: markDescription(description),
    slo: { id: ids.get('SLO', slo.name) },
    recipients: recipientIds(recipients, ids),
  };
}

export function triggerBody(t: Trigger, ids: IdRegistry): Body {
  const { recipients, description, ...rest } = t;
  return { disabled: false, ...rest, description: markDescription(description), recipients: recipientIds(recipients, ids) };
}

function panelBody(panel: BoardPanel, ids: IdRegistry): Body {
  switch (panel.type) {
    case 'query': {
      const { query, ...display } = panel.query_panel;
      return {
        type: 'query',
        query_panel: { ...display, query_id: ids.get('query', query), query_annotation_id: ids.get('query annotation', query) },
      };
    }
    case 'slo':
      return { type: 'slo', slo_panel: { slo_id: ids.get('SLO', panel.slo_panel.slo) } };
    case 'text':
      return { type: 'text', text_panel: { content: panel.text_panel.content } };
  }
}

export const boardBody = (b: Board, ids: IdRegistry): Body => ({
  name: b.name,
  description: markDescription(b.description),
  type: 'flexible',
  ...(b.tags ? { tags: b.tags } : {}),
  panels: b.panels.map((p) => panelBody(p, ids)),
});
