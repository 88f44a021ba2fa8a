/** A small JSON-schema-like description of request bodies, and the check that applies it. */

export interface StringSchema {
  type: 'string';
  required?: boolean;
  enum?: readonly string[];
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
}
export interface NumberSchema {
  type: 'integer' | 'number';
  required?: boolean;
  min?: number;
  max?: number;
}
export type Schema =
  | StringSchema
  | NumberSchema
  | { type: 'boolean'; required?: boolean }
  | { type: 'object'; required?: boolean; fields: Record<string, Schema> }
  | { type: 'array'; required?: boolean; items: Schema; minItems?: number; maxItems?: number }
  | { type: 'scalar-or-list'; required?: boolean };

export const str = (extra: Omit<StringSchema, 'type'> = {}): Schema => ({ type: 'string', ...extra });
export const int = (extra: Omit<NumberSchema, 'type'> = {}): Schema => ({ type: 'integer', ...extra });
export const obj = (fields: Record<string, Schema>, required = false): Schema => ({ type: 'object', fields, required });
export const list = (items: Schema, extra: { required?: boolean; minItems?: number; maxItems?: number } = {}): Schema => ({
  type: 'array',
  items,
  ...extra,
});

/** Every way `value` breaks `schema`, each as `path: problem`; unknown fields count, since Honeycomb does not define them. */
export function checkSchema(schema: Schema, value: unknown, path = 'body'): string[] {
  if (value === undefined || value === null) return schema.required ? [`${path}: is required`] : [];
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${path}: must be a string`];
      const problems: string[] = [];
      if (schema.enum && !schema.enum.includes(value))
        problems.push(`${path}: must be one of ${schema.enum.join(', ')}, not "${value}"`);
      if (schema.minLength !== undefined && value.length < schema.minLength)
        problems.push(`${path}: shorter than ${schema.minLength}`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength)
        problems.push(`${path}: longer than ${schema.maxLength}`);
      if (schema.pattern && !schema.pattern.test(value)) problems.push(`${path}: does not match ${String(schema.pattern)}`);
      return problems;
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return [`${path}: must be a number`];
      if (schema.type === 'integer' && !Number.isInteger(value)) return [`${path}: must be a whole number`];
      const problems: string[] = [];
      if (schema.min !== undefined && value < schema.min) problems.push(`${path}: below ${schema.min}`);
      if (schema.max !== undefined && value > schema.max) problems.push(`${path}: above ${schema.max}`);
      return problems;
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: must be true or false`];
    case 'scalar-or-list':
      return ['string', 'number', 'boolean'].includes(typeof value) ||
        (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v)))
        ? []
        : [`${path}: must be a string, number, boolean or a list of them`];
    case 'array': {
      if (!Array.isArray(value)) return [`${path}: must be a list`];
      const problems = value.flatMap((item, i) => checkSchema(schema.items, item, `${path}[${i}]`));
      if (schema.minItems !== undefined && value.length < schema.minItems)
        problems.push(`${path}: needs at least ${schema.minItems} item(s)`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems)
        problems.push(`${path}: allows at most ${schema.maxItems} item(s)`);
      return problems;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: must be an object`];
      const record = value as Record<string, unknown>;
      const unknown = Object.keys(record)
        .filter((key) => !(key in schema.fields))
        .map((key) => `${path}.${key}: is not a field Honeycomb defines here`);
      return [
        ...unknown,
        ...Object.entries(schema.fields).flatMap(([key, field]) => checkSchema(field, record[key], `${path}.${key}`)),
      ];
    }
  }
}
