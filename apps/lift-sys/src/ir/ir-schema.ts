import { HOLE_KINDS, type IntermediateRepresentation, type Parameter, type TypedHole } from './ir.types.js';

/** A model's answer that is not a well-formed IR; the message is fed back on the next attempt. */
export class IrSchemaError extends Error {
  override readonly name = 'IrSchemaError';
}

type Json = Record<string, unknown>;

/** Parses and checks a model's JSON answer (code fences tolerated) into an IR. */
export function parseIrJson(text: string): IntermediateRepresentation {
  const body = text
    .trim()
    .replace(/^```(?:json)?\s*/, '')
    .replace(/```$/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new IrSchemaError(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = object(parsed, 'IR');
  const intent = object(root.intent, 'intent');
  const signature = object(root.signature, 'signature');
  const metadata = object(root.metadata, 'metadata');
  return {
    intent: {
      summary: string(intent.summary, 'intent.summary'),
      rationale: nullableString(intent.rationale, 'intent.rationale'),
      holes: holes(intent.holes, 'intent.holes'),
    },
    signature: {
      name: identifier(signature.name, 'signature.name'),
      parameters: array(signature.parameters, 'signature.parameters').map((item, index) =>
        parameter(item, `signature.parameters[${index}]`),
      ),
      returns: nullableString(signature.returns, 'signature.returns'),
      holes: holes(signature.holes, 'signature.holes'),
    },
    effects: array(root.effects, 'effects').map((item, index) => {
      const effect = object(item, `effects[${index}]`);
      return {
        description: string(effect.description, `effects[${index}].description`),
        holes: holes(effect.holes, `effects[${index}].holes`),
      };
    }),
    assertions: array(root.assertions, 'assertions').map((item, index) => {
      const assertion = object(item, `assertions[${index}]`);
      return {
        predicate: string(assertion.predicate, `assertions[${index}].predicate`),
        rationale: nullableString(assertion.rationale, `assertions[${index}].rationale`),
        holes: holes(assertion.holes, `assertions[${index}].holes`),
      };
    }),
    constraints: array(root.constraints, 'constraints').map((item, index) => string(item, `constraints[${index}]`)),
    metadata: { language: string(metadata.language, 'metadata.language'), origin: string(metadata.origin, 'metadata.origin') },
  };
}

function parameter(value: unknown, path: string): Parameter {
  const item = object(value, path);
  return {
    name: identifier(item.name, `${path}.name`),
    type_hint: nullableString(item.type_hint, `${path}.type_hint`),
    description: string(item.description, `${path}.description`),
  };
}

function holes(value: unknown, path: string): TypedHole[] {
  return array(value ?? [], path).map((item, index) => {
    const hole = object(item, `${path}[${index}]`);
    const kind = string(hole.kind, `${path}[${index}].kind`);
    if (!(HOLE_KINDS as readonly string[]).includes(kind))
      throw new IrSchemaError(`${path}[${index}].kind must be one of ${HOLE_KINDS.join(', ')}`);
    return {
      identifier: string(hole.identifier, `${path}[${index}].identifier`),
      type_hint: string(hole.type_hint, `${path}[${index}].type_hint`),
      description: string(hole.description, `${path}[${index}].description`),
      kind: kind as TypedHole['kind'],
    };
  });
}

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new IrSchemaError(`${path} must be an object`);
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new IrSchemaError(`${path} must be an array`);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new IrSchemaError(`${path} must be a string`);
  return value;
}

function nullableString(value: unknown, path: string): string | null {
  return value === null || value === undefined ? null : string(value, path);
}

function identifier(value: unknown, path: string): string {
  const text = string(value, path);
  if (!/^[A-Za-z_]\w*$/.test(text)) throw new IrSchemaError(`${path} must be an identifier, got '${text}'`);
  return text;
}
