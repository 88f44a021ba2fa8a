import { registerDecorator, type ValidationArguments } from 'class-validator';

/** How big a session's free-form metadata may be: it is stored as jsonb and returned with every read. */
export const METADATA_LIMITS = { maxDepth: 8, maxKeys: 256, maxBytes: 16 * 1024 } as const;

/** What exceeds the limits in a metadata object, or undefined. Iterative: depth is bounded before it is walked. */
export function metadataProblem(value: unknown): string | undefined {
  let keys = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth > METADATA_LIMITS.maxDepth) return `may be nested at most ${METADATA_LIMITS.maxDepth} levels deep`;
    const children = Array.isArray(item.value) ? item.value : Object.values(item.value);
    if (!Array.isArray(item.value)) keys += children.length;
    if (keys > METADATA_LIMITS.maxKeys) return `may have at most ${METADATA_LIMITS.maxKeys} keys in all`;
    for (const child of children) pending.push({ value: child, depth: item.depth + 1 });
  }
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > METADATA_LIMITS.maxBytes) return `may be at most ${METADATA_LIMITS.maxBytes} bytes as JSON (is ${bytes})`;
  return undefined;
}

/** A JSON object within METADATA_LIMITS; the message names the property and the limit it broke. */
export function IsBoundedMetadata(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBoundedMetadata',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => metadataProblem(value) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'metadata'} ${metadataProblem(args?.value) ?? 'is too large'}`,
      },
    });
}
