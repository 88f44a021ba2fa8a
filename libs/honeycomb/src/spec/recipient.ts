export type RecipientType = 'slack' | 'email' | 'pagerduty' | 'webhook';

/** A notification target; identified by type + target (channel, address, integration key or URL). */
export interface Recipient {
  type: RecipientType;
  target: string;
  /** PagerDuty integration name or webhook name. */
  name?: string;
}

/** How triggers and burn alerts point at a recipient declared in the same definitions. */
export interface RecipientRef {
  type: RecipientType;
  target: string;
}

export const recipientKey = (r: RecipientRef): string => `${r.type}:${r.target}`;
