import { PAGERDUTY_KEY_LENGTH } from '../spec/limits.js';
import { SECRET_TARGET_TYPES, type Recipient } from '../spec/recipient.js';

const TYPES = ['slack', 'email', 'pagerduty', 'webhook'];

/** What Honeycomb's Recipients API accepts, and that a secret target never becomes a visible name. */
export function checkRecipient(recipient: Recipient): string[] {
  const problems: string[] = [];
  if (!TYPES.includes(recipient.type)) return [`type must be one of ${TYPES.join(', ')}, not ${recipient.type}`];
  if (!recipient.target) problems.push('a recipient needs a target');
  if (recipient.type === 'pagerduty' && recipient.target && recipient.target.length !== PAGERDUTY_KEY_LENGTH) {
    problems.push(`a PagerDuty integration key has ${PAGERDUTY_KEY_LENGTH} characters, this one ${recipient.target.length}`);
  }
  if (recipient.type === 'webhook' && recipient.target && !/^https?:\/\//.test(recipient.target)) {
    problems.push('a webhook target must be an http(s) URL');
  }
  if (
    SECRET_TARGET_TYPES.has(recipient.type) &&
    recipient.name &&
    recipient.target &&
    recipient.name.includes(recipient.target)
  ) {
    problems.push('the name would show the secret target in Honeycomb: choose a name without it');
  }
  return problems;
}
