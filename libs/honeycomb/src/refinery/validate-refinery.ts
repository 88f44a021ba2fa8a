/**
 * Refinery's documented schema for rules files and the config fields written here, encoded from
 * honeycombio/refinery config/metadata/rulesMeta.yaml, config/metadata/configMeta.yaml, rules.md and
 * rules_conditions.md. Each check names the part it comes from.
 */
import type { RefineryDocument } from './refinery-files.js';

type Problems = string[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** rulesMeta.yaml: the sampler groups and the fields each takes (type int/float/bool/duration/stringarray/…). */
type FieldKind = 'int' | 'float' | 'bool' | 'duration' | 'stringarray' | 'rules';
/** Settings every dynamic and throughput sampler shares. */
const KEYED: Record<string, FieldKind> = { FieldList: 'stringarray', MaxKeys: 'int', UseTraceLength: 'bool' };
/** Settings of the two exponential-moving-average samplers. */
const EMA: Record<string, FieldKind> = {
  AdjustmentInterval: 'duration',
  Weight: 'float',
  AgeOutValue: 'float',
  BurstMultiple: 'float',
  BurstDetectionDelay: 'int',
};
const SAMPLER_FIELDS: Record<string, Record<string, FieldKind>> = {
  DeterministicSampler: { SampleRate: 'int' },
  DynamicSampler: { SampleRate: 'int', ClearFrequency: 'duration', ...KEYED },
  EMADynamicSampler: { GoalSampleRate: 'int', ...EMA, ...KEYED },
  EMAThroughputSampler: { GoalThroughputPerSec: 'int', UseClusterSize: 'bool', InitialSampleRate: 'int', ...EMA, ...KEYED },
  WindowedThroughputSampler: {
    GoalThroughputPerSec: 'int',
    UseClusterSize: 'bool',
    UpdateFrequency: 'duration',
    LookbackFrequency: 'duration',
    ...KEYED,
  },
  TotalThroughputSampler: { GoalThroughputPerSec: 'int', UseClusterSize: 'bool', ClearFrequency: 'duration', ...KEYED },
  RulesBasedSampler: { Rules: 'rules', CheckNestedFields: 'bool' },
};

/** rulesMeta.yaml, group Rules, field Sampler: validChildren. */
const RULE_DOWNSTREAM = [
  'DynamicSampler',
  'EMADynamicSampler',
  'EMAThroughputSampler',
  'WindowedThroughputSampler',
  'TotalThroughputSampler',
];
/** rulesMeta.yaml, group Conditions, field Operator: choices. */
const OPERATORS = [
  '=',
  '!=',
  '>',
  '<',
  '>=',
  '<=',
  'starts-with',
  'contains',
  'does-not-contain',
  'exists',
  'not-exists',
  'has-root-span',
  'matches',
  'in',
  'not-in',
];
/** rulesMeta.yaml, group Conditions, field Datatype: choices. */
const DATATYPES = ['string', 'int', 'float', 'bool'];
/** rules_conditions.md: operators whose Value is ignored. */
const VALUELESS = ['exists', 'not-exists'];
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

function checkFieldType(kind: string, value: unknown, at: string): Problems {
  switch (kind) {
    case 'int':
      return isInt(value) ? [] : [`${at}: must be a whole number`];
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? [] : [`${at}: must be a number`];
    case 'bool':
      return typeof value === 'boolean' ? [] : [`${at}: must be true or false`];
    case 'duration':
      return typeof value === 'string' && DURATION.test(value) ? [] : [`${at}: must be a duration such as 30s`];
    case 'stringarray':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')
        ? []
        : [`${at}: must be a non-empty list of strings`];
    default:
      return [];
  }
}

function checkSampler(sampler: unknown, at: string, allowed: readonly string[]): Problems {
  if (!isObject(sampler)) return [`${at}: must name one sampler`];
  const names = Object.keys(sampler);
  if (names.length !== 1) return [`${at}: must name exactly one sampler, found ${names.length}`];
  const name = names[0]!;
  if (!allowed.includes(name)) return [`${at}: ${name} is not one of ${allowed.join(', ')}`];
  const fields = sampler[name];
  if (!isObject(fields)) return [`${at}.${name}: must be a map of settings`];
  const known = SAMPLER_FIELDS[name]!;
  const problems: Problems = Object.keys(fields)
    .filter((key) => !(key in known))
    .map((key) => `${at}.${name}.${key}: is not a ${name} setting`);
  for (const [key, kind] of Object.entries(known)) {
    if (fields[key] === undefined) continue;
    problems.push(
      ...(kind === 'rules'
        ? checkRules(fields[key], `${at}.${name}.${key}`)
        : checkFieldType(kind, fields[key], `${at}.${name}.${key}`)),
    );
  }
  // rulesMeta.yaml: requiredInGroup — DeterministicSampler needs SampleRate, the throughput samplers GoalThroughputPerSec (minimum 1).
  if (name === 'DeterministicSampler' && fields['SampleRate'] === undefined)
    problems.push(`${at}.${name}.SampleRate: is required`);
  if (name.endsWith('ThroughputSampler') && !(isInt(fields['GoalThroughputPerSec']) && fields['GoalThroughputPerSec'] >= 1)) {
    problems.push(`${at}.${name}.GoalThroughputPerSec: is required and at least 1`);
  }
  if (name === 'RulesBasedSampler' && fields['Rules'] === undefined) problems.push(`${at}.${name}.Rules: is required`);
  return problems;
}

function checkRules(rules: unknown, at: string): Problems {
  if (!Array.isArray(rules)) return [`${at}: must be a list of rules`];
  return rules.flatMap((rule, i) => checkRule(rule, `${at}[${i}]`));
}

/** rulesMeta.yaml, group Rules: Name, Sampler, Drop, SampleRate, Conditions, Scope (trace | span). */
function checkRule(rule: unknown, at: string): Problems {
  if (!isObject(rule)) return [`${at}: must be a map`];
  const fields = ['Name', 'Sampler', 'Drop', 'SampleRate', 'Conditions', 'Scope'];
  const problems: Problems = Object.keys(rule)
    .filter((key) => !fields.includes(key))
    .map((key) => `${at}.${key}: is not a rule field`);
  if (rule['Name'] !== undefined && typeof rule['Name'] !== 'string') problems.push(`${at}.Name: must be a string`);
  if (rule['Drop'] !== undefined) problems.push(...checkFieldType('bool', rule['Drop'], `${at}.Drop`));
  if (rule['SampleRate'] !== undefined) problems.push(...checkFieldType('int', rule['SampleRate'], `${at}.SampleRate`));
  if (rule['Sampler'] !== undefined) problems.push(...checkSampler(rule['Sampler'], `${at}.Sampler`, RULE_DOWNSTREAM));
  if (rule['Scope'] !== undefined && rule['Scope'] !== 'trace' && rule['Scope'] !== 'span')
    problems.push(`${at}.Scope: must be trace or span`);
  // The rule decides by its Sampler, else Drop, else SampleRate (rulesMeta.yaml, group Rules).
  if (rule['Sampler'] === undefined && rule['Drop'] !== true && !(isInt(rule['SampleRate']) && rule['SampleRate'] >= 1)) {
    problems.push(`${at}: needs a Sampler, Drop: true or a SampleRate of at least 1`);
  }
  const conditions = rule['Conditions'];
  if (conditions !== undefined && !Array.isArray(conditions)) return [...problems, `${at}.Conditions: must be a list`];
  for (const [i, condition] of ((conditions as unknown[]) ?? []).entries()) {
    problems.push(...checkCondition(condition, `${at}.Conditions[${i}]`, rule['Scope']));
  }
  return problems;
}

/** rulesMeta.yaml, group Conditions, and rules_conditions.md. */
function checkCondition(condition: unknown, at: string, scope: unknown): Problems {
  if (!isObject(condition)) return [`${at}: must be a map`];
  const problems: Problems = Object.keys(condition)
    .filter((key) => !['Field', 'Fields', 'Operator', 'Value', 'Datatype'].includes(key))
    .map((key) => `${at}.${key}: is not a condition field`);
  const operator = condition['Operator'];
  if (typeof operator !== 'string' || !OPERATORS.includes(operator))
    problems.push(`${at}.Operator: must be one of ${OPERATORS.join(' ')}`);
  // Field conflictsWith Fields; Fields is a list of strings.
  if (condition['Field'] !== undefined && condition['Fields'] !== undefined) problems.push(`${at}: Field and Fields conflict`);
  if (condition['Field'] !== undefined && typeof condition['Field'] !== 'string') problems.push(`${at}.Field: must be a string`);
  if (condition['Fields'] !== undefined) problems.push(...checkFieldType('stringarray', condition['Fields'], `${at}.Fields`));
  if (operator !== 'has-root-span' && condition['Field'] === undefined && condition['Fields'] === undefined)
    problems.push(`${at}: needs a Field`);
  if (condition['Datatype'] !== undefined && !DATATYPES.includes(String(condition['Datatype'])))
    problems.push(`${at}.Datatype: must be one of ${DATATYPES.join(', ')}`);
  // Value is sliceorscalar, needed unless the operator ignores it.
  const value = condition['Value'];
  if (value === undefined && typeof operator === 'string' && !VALUELESS.includes(operator))
    problems.push(`${at}.Value: is required for ${operator}`);
  if (value !== undefined && (isObject(value) || (Array.isArray(value) && value.some((v) => isObject(v) || Array.isArray(v))))) {
    problems.push(`${at}.Value: must be a scalar or a list of scalars`);
  }
  // rules_conditions.md: has-root-span cannot be used with Scope: span.
  if (operator === 'has-root-span' && scope === 'span') problems.push(`${at}: has-root-span cannot be used with Scope: span`);
  return problems;
}

/** Every way a rules file breaks Refinery's rules schema; empty when Refinery would load it. */
export function checkRefineryRules(doc: RefineryDocument): Problems {
  const problems: Problems = Object.keys(doc)
    .filter((key) => key !== 'RulesVersion' && key !== 'Samplers')
    .map((key) => `${key}: is not a rules file section`);
  // rules.md: "RulesVersion … is a required parameter … It must be set to 2."
  if (doc['RulesVersion'] !== 2) problems.push('RulesVersion: must be 2');
  const samplers = doc['Samplers'];
  if (!isObject(samplers)) return [...problems, 'Samplers: is required'];
  // rulesMeta.yaml, group Samplers: "A `__default__` target is required."
  if (!('__default__' in samplers)) problems.push('Samplers: needs a __default__ target');
  for (const [target, sampler] of Object.entries(samplers)) {
    problems.push(...checkSampler(sampler, `Samplers.${target}`, Object.keys(SAMPLER_FIELDS)));
  }
  return problems;
}

/** configMeta.yaml: the fields written here, with their types and validations. */
const CONFIG_FIELDS: Record<string, Record<string, (v: unknown, at: string) => Problems>> = {
  General: {
    // ConfigurationVersion: required, default 2.
    ConfigurationVersion: (v, at) => (v === 2 ? [] : [`${at}: must be 2`]),
    // MinRefineryVersion: format version.
    MinRefineryVersion: (v, at) =>
      typeof v === 'string' && /^v\d+\.\d+(\.\d+)?$/.test(v) ? [] : [`${at}: must be a version such as v2.8`],
  },
  RefineryTelemetry: { AddRuleReasonToTrace: (v, at) => checkFieldType('bool', v, at) },
  Traces: {
    // TraceTimeout: duration, minimum 1s. SendDelay: duration, minimum 100ms.
    TraceTimeout: (v, at) => checkFieldType('duration', v, at).concat(durationMs(v) < 1000 ? [`${at}: at least 1s`] : []),
    SendDelay: (v, at) => checkFieldType('duration', v, at).concat(durationMs(v) < 100 ? [`${at}: at least 100ms`] : []),
    // SpanLimit: int (first in v2.8).
    SpanLimit: (v, at) => checkFieldType('int', v, at).concat(isInt(v) && v < 1 ? [`${at}: at least 1`] : []),
  },
};

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
function durationMs(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  let total = 0;
  for (const [, n, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(n) * UNIT_MS[unit!]!;
  return total;
}

/** Every way the config fragment breaks Refinery's config schema for the fields it sets. */
export function checkRefineryConfig(doc: RefineryDocument): Problems {
  const problems: Problems = [];
  for (const [group, fields] of Object.entries(doc)) {
    const known = CONFIG_FIELDS[group];
    if (!known) {
      problems.push(`${group}: is not a config group written here`);
      continue;
    }
    if (!isObject(fields)) {
      problems.push(`${group}: must be a map`);
      continue;
    }
    for (const [key, value] of Object.entries(fields)) {
      const check = known[key];
      problems.push(...(check ? check(value, `${group}.${key}`) : [`${group}.${key}: is not a ${group} setting`]));
    }
  }
  if (!isObject(doc['General']) || doc['General']['ConfigurationVersion'] === undefined)
    problems.push('General.ConfigurationVersion: is required');
  return problems;
}
