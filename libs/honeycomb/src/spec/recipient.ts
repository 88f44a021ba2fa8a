import { createHash } from 'node:crypto';

export type RecipientType = 'slack' | 'email' | 'pagerduty' | 'webhook';

/** A notification target; identified by type + target (channel, address, integration key or URL). */
export interface Recipient {
  type: RecipientType;
  target: string;
  /**
   * The name Honeycomb shows for a PagerDuty integration or a webhook. Their targets are secrets (an
   * integration key, a URL that may carry a token), so without a name a short hash of the target is
   * shown instead: the target itself never appears in Honeycomb's UI or in this tool's output.
   */
  name?: string;
}

/** How triggers and burn alerts point at a recipient declared in the same definitions. */
export interface RecipientRef {
  type: RecipientType;
  target: string;
}

/** Types whose target is a credential. */
export const SECRET_TARGET_TYPES: ReadonlySet<RecipientType> = new Set(['pagerduty', 'webhook']);

export const recipientKey = (r: RecipientRef): string => `${r.type}:${r.target}`;

/** A stable, non-reversible stand-in for a secret target: the first 8 hex digits of its SHA-256. */
export const targetHash = (target: string): string => createHash('sha256').update(target).digest('hex').slice(0, 8);

/** The name sent to Honeycomb for PagerDuty and webhook recipients. */
export const recipientDisplayName = (r: Recipient): string => r.name ?? `${r.type} ${targetHash(r.target)}`;

/** How a recipient is named in plans, errors and validation messages: never with a secret target. */
export const recipientLabel = (r: Recipient | RecipientRef): string =>
  SECRET_TARGET_TYPES.has(r.type)
    ? `${r.type}:#${targetHash(r.target)}${'name' in r && r.name ? ` "${r.name}"` : ''}`
    : recipientKey(r);
