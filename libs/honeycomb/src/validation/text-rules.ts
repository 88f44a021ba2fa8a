import { describableLength } from '../api/managed-marker.js';
import { MAX_TAGS, TAG_KEY_PATTERN, TAG_VALUE_PATTERN } from '../spec/limits.js';

/** A name Honeycomb accepts: 1 to `max` characters. */
export function checkName(name: string | undefined, max: number): string[] {
  if (!name) return ['a name is required'];
  return name.length > max ? [`name is ${name.length} characters; Honeycomb allows at most ${max}`] : [];
}

/** A description that still fits Honeycomb's `limit` once apply appends its managed marker. */
export function checkDescription(description: string | undefined, limit: number): string[] {
  const max = describableLength(limit);
  return description && description.length > max
    ? [`description is ${description.length} characters; at most ${max} fit (Honeycomb allows ${limit}, apply adds its marker)`]
    : [];
}

/** Tags as Honeycomb's tag rules allow them. */
export function checkTags(tags: ReadonlyArray<{ key: string; value: string }> | undefined): string[] {
  if (!tags) return [];
  const problems = tags.length > MAX_TAGS ? [`${tags.length} tags; Honeycomb allows at most ${MAX_TAGS}`] : [];
  for (const { key, value } of tags) {
    if (!TAG_KEY_PATTERN.test(key)) problems.push(`tag key "${key}" must be 1 to 32 lowercase letters`);
    if (!TAG_VALUE_PATTERN.test(value)) {
      problems.push(`tag value "${value}" must start with a lowercase letter and hold 2 to 129 of a-z, 0-9, - and /`);
    }
  }
  return problems;
}
