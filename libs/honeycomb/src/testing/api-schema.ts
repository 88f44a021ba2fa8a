/**
 * Honeycomb's v1 Configuration API as this project uses it: each route's request body as a schema,
 * written from Honeycomb's published sources (named beside each rule). The test double answers with
 * these rules, and the conformance suite checks every captured request against them, so a request
 * the real API would refuse fails the tests first.
 */
import {
  BOARD_NAME_MAX,
  DESCRIPTION_MAX,
  MAX_TAGS,
  PAGERDUTY_KEY_LENGTH,
  QUERY_ANNOTATION_DESCRIPTION_MAX,
  QUERY_ANNOTATION_NAME_MAX,
  SLO_NAME_MAX,
  TAG_KEY_PATTERN,
  TAG_VALUE_PATTERN,
  TRIGGER_NAME_MAX,
} from '../spec/limits.js';
import { checkSchema, int, list, obj, str, type Schema } from './body-schema.js';

/*
 * The operator lists below repeat on purpose what spec/query.ts declares: these are the API's facts,
 * written from its sources, so a value our own types allow but Honeycomb does not is caught here.
 */

/** terraform-provider-honeycombio client/query_spec.go: CalculationOp constants. */
export const API_CALCULATION_OPS = [
  'COUNT',
  'CONCURRENCY',
  'SUM',
  'AVG',
  'COUNT_DISTINCT',
  'MAX',
  'MIN',
  'P001',
  'P01',
  'P05',
  'P10',
  'P20',
  'P25',
  'P50',
  'P75',
  'P80',
  'P90',
  'P95',
  'P99',
  'P999',
  'HEATMAP',
  'RATE_AVG',
  'RATE_SUM',
  'RATE_MAX',
] as const;

/** terraform-provider-honeycombio client/query_spec.go: FilterOp constants. */
export const API_FILTER_OPS = [
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'starts-with',
  'does-not-start-with',
  'ends-with',
  'does-not-end-with',
  'exists',
  'does-not-exist',
  'contains',
  'does-not-contain',
  'in',
  'not-in',
] as const;

const COMPARISON = ['=', '!=', '>', '>=', '<', '<='] as const;

/** terraform-provider-honeycombio client/query_spec.go: QuerySpec and its parts (json tags). */
const querySpec = (required = false): Schema =>
  obj(
    {
      calculations: list(obj({ op: str({ required: true, enum: API_CALCULATION_OPS }), column: str() })),
      filters: list(
        obj({
          column: str({ required: true }),
          op: str({ required: true, enum: API_FILTER_OPS }),
          value: { type: 'scalar-or-list' },
        }),
      ),
      filter_combination: str({ enum: ['AND', 'OR'] }),
      breakdowns: list(str()),
      orders: list(
        obj({ op: str({ enum: API_CALCULATION_OPS }), column: str(), order: str({ enum: ['ascending', 'descending'] }) }),
      ),
      havings: list(
        obj({
          calculate_op: str({ required: true, enum: API_CALCULATION_OPS }),
          column: str(),
          op: str({ required: true, enum: COMPARISON }),
          value: { type: 'number', required: true },
        }),
      ),
      // https://docs.honeycomb.io/api/query-specification/: limit at most 1000.
      limit: int({ min: 1, max: 1000 }),
      time_range: int({ min: 1 }),
      start_time: int(),
      end_time: int(),
      granularity: int({ min: 1 }),
    },
    required,
  );

const tags: Schema = list(
  obj({ key: str({ required: true, pattern: TAG_KEY_PATTERN }), value: str({ required: true, pattern: TAG_VALUE_PATTERN }) }),
  {
    maxItems: MAX_TAGS,
  },
);

/** terraform-provider-honeycombio client/recipient.go: NotificationRecipient, referenced by id. */
const recipientRefs = (minItems = 0): Schema => list(obj({ id: str({ required: true }) }), { minItems, required: minItems > 0 });

/** terraform-provider-honeycombio client/recipient.go: RecipientDetails fields per type. */
const recipientDetails: Record<string, Record<string, Schema>> = {
  email: { email_address: str({ required: true, minLength: 3 }) },
  slack: { slack_channel: str({ required: true, minLength: 1 }) },
  pagerduty: {
    // honeycombio/resource_pagerduty_recipient.go: integration_key StringLenBetween(32, 32); name required.
    pagerduty_integration_key: str({ required: true, minLength: PAGERDUTY_KEY_LENGTH, maxLength: PAGERDUTY_KEY_LENGTH }),
    pagerduty_integration_name: str({ required: true, minLength: 1 }),
  },
  webhook: {
    // internal/provider/webhook_recipient_resource.go: name LengthBetween(1, 255), url LengthBetween(1, 2048).
    webhook_name: str({ required: true, minLength: 1, maxLength: 255 }),
    webhook_url: str({ required: true, minLength: 1, maxLength: 2048, pattern: /^https?:\/\// }),
  },
};

const recipientBody = (body: Record<string, unknown>): Schema =>
  obj({
    type: str({ required: true, enum: Object.keys(recipientDetails) }),
    details: obj(recipientDetails[String(body['type'])] ?? {}, true),
  });

/** terraform-provider-honeycombio client/derived_column.go. */
const derivedColumn: Schema = obj({
  alias: str({ required: true, minLength: 1, maxLength: 255 }),
  expression: str({ required: true, minLength: 1 }),
  description: str(),
});

/** https://docs.honeycomb.io/api/tag/Query-Annotations/: name [1 .. 80], description <= 280, query_id required on create. */
const annotationCreate: Schema = obj({
  name: str({ required: true, minLength: 1, maxLength: QUERY_ANNOTATION_NAME_MAX }),
  description: str({ maxLength: QUERY_ANNOTATION_DESCRIPTION_MAX }),
  query_id: str({ required: true }),
});
/** The update request carries name and description (OpenAPI QueryAnnotationUpdateRequest); query_id may only repeat. */
const annotationUpdate: Schema = obj({
  name: str({ required: true, minLength: 1, maxLength: QUERY_ANNOTATION_NAME_MAX }),
  description: str({ maxLength: QUERY_ANNOTATION_DESCRIPTION_MAX }),
  query_id: str(),
});

/** terraform-provider-honeycombio client/slo.go (fields) and https://docs.honeycomb.io/api/tag/SLOs/ (limits). */
const slo: Schema = obj({
  name: str({ required: true, minLength: 1, maxLength: SLO_NAME_MAX }),
  description: str({ maxLength: DESCRIPTION_MAX }),
  sli: obj({ alias: str({ required: true, minLength: 1 }) }, true),
  // https://docs.honeycomb.io/api/tag/SLOs/: target_per_million [0 .. 999999], time_period_days >= 1.
  target_per_million: int({ required: true, min: 0, max: 999_999 }),
  time_period_days: int({ required: true, min: 1 }),
  tags,
});

/**
 * terraform-provider-honeycombio client/burn_alert.go (fields) and internal/provider/
 * burn_alert_resource.go ("At least one recipient block is required for a burn alert").
 */
const burnAlert: Schema = obj({
  alert_type: str({ required: true, enum: ['exhaustion_time', 'budget_rate'] }),
  exhaustion_minutes: int({ min: 0 }),
  budget_rate_window_minutes: int({ min: 60 }),
  budget_rate_decrease_threshold_per_million: int({ min: 1, max: 1_000_000 }),
  description: str({ maxLength: DESCRIPTION_MAX }),
  slo: obj({ id: str({ required: true }) }, true),
  recipients: recipientRefs(1),
});

/** terraform-provider-honeycombio client/trigger.go (fields, frequency 60..86400) and trigger_resource.go (lengths). */
const trigger: Schema = obj({
  name: str({ required: true, minLength: 1, maxLength: TRIGGER_NAME_MAX }),
  description: str({ maxLength: DESCRIPTION_MAX }),
  disabled: { type: 'boolean' },
  query: querySpec(true),
  alert_type: str({ enum: ['on_change', 'on_true'] }),
  threshold: obj(
    {
      op: str({ required: true, enum: ['>', '>=', '<', '<='] }),
      value: { type: 'number', required: true },
      exceeded_limit: int({ min: 1, max: 5 }),
    },
    true,
  ),
  frequency: int({ min: 60, max: 86_400 }),
  recipients: recipientRefs(),
  evaluation_schedule_type: str({ enum: ['frequency', 'window'] }),
  evaluation_schedule: obj({
    window: obj(
      {
        days_of_week: list(str({ enum: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] }), {
          required: true,
          minItems: 1,
        }),
        start_time: str({ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/ }),
        end_time: str({ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/ }),
      },
      true,
    ),
  }),
  tags,
});

/** terraform-provider-honeycombio client/board.go (flexible boards) and flexible_board_resource.go (lengths). */
const board: Schema = obj({
  name: str({ required: true, minLength: 1, maxLength: BOARD_NAME_MAX }),
  description: str({ maxLength: DESCRIPTION_MAX }),
  type: str({ required: true, enum: ['flexible'] }),
  tags,
  panels: list(
    obj({
      type: str({ required: true, enum: ['query', 'slo', 'text'] }),
      query_panel: obj({
        query_id: str({ required: true }),
        query_annotation_id: str({ required: true }),
        query_style: str({ enum: ['graph', 'table', 'combo'] }),
      }),
      slo_panel: obj({ slo_id: str({ required: true }) }),
      text_panel: obj({ content: str({ required: true }) }),
    }),
  ),
});

/** A route of the API: method, path pattern, the collection it addresses, and its request body. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `recipients`, `boards`, or `<resource>/<dataset>`. */
  collection: string;
  resource: string;
  id?: string;
  /** The body schema; absent for methods without a body. */
  schema?: (body: Record<string, unknown>) => Schema;
}

/**
 * The routes this project calls, from terraform-provider-honeycombio client/*.go (paths) and
 * https://docs.honeycomb.io/api/: recipients and boards are environment- or team-wide; queries can
 * only be created and read by id; burn alerts are listed per SLO (`?slo_id=`).
 */
const ROUTES: Record<
  string,
  { wide?: boolean; methods: Partial<Record<Route['method'] | 'LIST', true | ((b: Record<string, unknown>) => Schema)>> }
> = {
  auth: { wide: true, methods: { GET: true } },
  recipients: { wide: true, methods: { LIST: true, GET: true, POST: recipientBody, PUT: recipientBody, DELETE: true } },
  boards: { wide: true, methods: { LIST: true, GET: true, POST: () => board, PUT: () => board, DELETE: true } },
  derived_columns: { methods: { LIST: true, GET: true, POST: () => derivedColumn, PUT: () => derivedColumn, DELETE: true } },
  queries: { methods: { GET: true, POST: () => querySpec(true) } },
  query_annotations: {
    methods: { LIST: true, GET: true, POST: () => annotationCreate, PUT: () => annotationUpdate, DELETE: true },
  },
  slos: { methods: { LIST: true, GET: true, POST: () => slo, PUT: () => slo, DELETE: true } },
  burn_alerts: { methods: { LIST: true, GET: true, POST: () => burnAlert, PUT: () => burnAlert, DELETE: true } },
  triggers: { methods: { LIST: true, GET: true, POST: () => trigger, PUT: () => trigger, DELETE: true } },
};

/** The route a request addresses, or why there is none (404 for an unknown path, 405 for a method). */
export function routeOf(method: string, pathname: string): Route | { status: 404 | 405; error: string } {
  const [, version, resource = '', ...rest] = pathname.split('/');
  const spec = ROUTES[resource];
  if (version !== '1' || !spec) return { status: 404, error: `no such endpoint ${pathname}` };
  const dataset = spec.wide ? undefined : rest.shift();
  if (!spec.wide && !dataset) return { status: 404, error: `${resource} needs a dataset in the path` };
  const id = rest.shift();
  if (rest.length > 0) return { status: 404, error: `no such endpoint ${pathname}` };
  const key = (id === undefined && method === 'GET' && resource !== 'auth' ? 'LIST' : method) as keyof typeof spec.methods;
  if (id !== undefined && method === 'POST') return { status: 405, error: `POST is not allowed on ${pathname}` };
  if (id === undefined && (method === 'PUT' || method === 'DELETE')) return { status: 405, error: `${method} needs an id` };
  const allowed = spec.methods[key];
  if (!allowed) return { status: 405, error: `${method} is not allowed on ${resource}` };
  return {
    method: method as Route['method'],
    resource,
    collection: dataset === undefined ? resource : `${resource}/${dataset}`,
    ...(id !== undefined ? { id } : {}),
    ...(typeof allowed === 'function' ? { schema: allowed } : {}),
  };
}

export const isRoute = (r: ReturnType<typeof routeOf>): r is Route => !('status' in r);

/** Schema problems of a request: route, method and body. */
export function checkRequest(method: string, path: string, body: unknown): string[] {
  const route = routeOf(method, new URL(path, 'http://127.0.0.1').pathname);
  if (!isRoute(route)) return [route.error];
  if (!route.schema) return body === undefined ? [] : [`${method} ${path} takes no body`];
  return checkSchema(route.schema((body ?? {}) as Record<string, unknown>), body ?? undefined);
}

/**
 * Rules on a trigger beyond field shapes: terraform-provider-honeycombio client/trigger.go
 * (MatchesTriggerSubset: one calculation, no HEATMAP, no orders, no limit; time_range at most one day
 * and at most 4 × frequency; frequency a multiple of 60) and https://docs.honeycomb.io/notify/alert/triggers/
 * (no CONCURRENCY).
 */
export function checkTriggerRules(body: Record<string, unknown>): string[] {
  const query = (body['query'] ?? {}) as Record<string, unknown>;
  const calculations = (query['calculations'] ?? []) as Array<{ op?: string }>;
  const frequency = typeof body['frequency'] === 'number' ? body['frequency'] : 900;
  const timeRange = typeof query['time_range'] === 'number' ? query['time_range'] : 7200;
  const problems: string[] = [];
  if (calculations.length !== 1) problems.push('query: a trigger query should contain exactly one calculation');
  if (calculations.some((c) => c.op === 'HEATMAP' || c.op === 'CONCURRENCY'))
    problems.push('query: HEATMAP and CONCURRENCY are not allowed in a trigger');
  if (query['orders'] !== undefined) problems.push('query: orders is not allowed in a trigger query');
  if (query['limit'] !== undefined) problems.push('query: limit is not allowed in a trigger query');
  if (frequency % 60 !== 0) problems.push('frequency: must be divisible by 60');
  if (timeRange > 86_400) problems.push('query.time_range: at most one day');
  if (timeRange > 4 * frequency) problems.push('query.time_range: may not be greater than 4 times the frequency');
  // internal/provider/trigger_resource.go: "The Trigger's query duration must be at least equal to the frequency."
  if (timeRange < frequency) problems.push('query.time_range: must be at least the frequency');
  return problems;
}
