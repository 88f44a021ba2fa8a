import { avg, count, desc, heatmap, p50, p90, p95, p99, sum, where, type NamedQuery } from '@lift-sys/honeycomb';
import { ATTR_DB_COLLECTION_NAME } from '@opentelemetry/semantic-conventions';
import {
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';
import { dbSpans, failed, requests, spanNamed, table, timeSeries } from './query-kit.js';

/** The widgets of the plan's four boards (sections 7.1 to 7.4), one saved query each. */
export const overviewQueries: NamedQuery[] = [
  timeSeries('Request Rate', 'Requests per hour', { calculations: [count()], filters: [requests] }),
  timeSeries('Latency Percentiles', 'Request latency distribution', {
    calculations: [heatmap('duration_ms'), p50('duration_ms'), p90('duration_ms'), p95('duration_ms'), p99('duration_ms')],
    filters: [requests],
  }),
  timeSeries('Success Rate', 'Share of responses under 400', { calculations: [avg('dc.http_success')], filters: [requests] }),
  timeSeries('Error Rate', 'Share of requests that failed', { calculations: [avg('dc.is_error')], filters: [requests] }),
  table('Top Endpoints', 'Requests by route', {
    calculations: [count()],
    filters: [requests],
    breakdowns: ['http.route'],
    orders: [desc(count())],
  }),
  table('User Activity', 'Most active users', {
    calculations: [count()],
    filters: [requests, where('user.id', 'exists')],
    breakdowns: ['user.id'],
    orders: [desc(count())],
    limit: 10,
  }),
];

export const performanceQueries: NamedQuery[] = [
  table('Slowest Operations', 'P95 latency by span name', {
    calculations: [p95('duration_ms')],
    breakdowns: ['name'],
    orders: [desc(p95('duration_ms'))],
  }),
  timeSeries('IR Generation Time', 'ir.generate latency', {
    calculations: [heatmap('duration_ms'), p95('duration_ms')],
    filters: [spanNamed('ir.generate')],
  }),
  table('Code Generation Time by Language', 'code.generate latency per target language', {
    calculations: [p50('duration_ms'), p95('duration_ms'), count()],
    filters: [spanNamed('code.generate')],
    breakdowns: ['code.language'],
    orders: [desc(p95('duration_ms'))],
  }),
  table('LLM Provider Latency', 'llm.call latency by provider', {
    calculations: [p95('duration_ms'), count()],
    filters: [spanNamed('llm.call')],
    breakdowns: [ATTR_GEN_AI_PROVIDER_NAME],
  }),
  table('Database Query Performance', 'Database spans by table', {
    calculations: [p95('duration_ms'), count()],
    filters: [dbSpans],
    breakdowns: [ATTR_DB_COLLECTION_NAME],
  }),
  timeSeries('Retry Rate', 'Share of code generations that needed a retry', {
    calculations: [avg('dc.retried')],
    filters: [spanNamed('code.generate')],
  }),
];

export const errorQueries: NamedQuery[] = [
  table('Error Rate by Type', 'Exceptions by type (exception span events)', {
    calculations: [count()],
    filters: [where('meta.annotation_type', '=', 'span_event'), spanNamed('exception')],
    breakdowns: ['exception.type'],
  }),
  table('Failed Operations', 'Failing spans by name', {
    calculations: [count()],
    filters: [failed],
    breakdowns: ['name'],
    orders: [desc(count())],
  }),
  table('Error Distribution', 'Failing spans by message', {
    calculations: [count()],
    filters: [failed],
    breakdowns: ['status_message'],
  }),
  table('Recent Errors', 'Failing spans with their trace and user', {
    calculations: [count()],
    filters: [failed],
    breakdowns: ['trace.trace_id', 'name', 'status_message', 'user.id'],
    limit: 20,
  }),
  timeSeries('Code Generation Failures', 'Share of code generations that failed', {
    calculations: [avg('dc.code_failed')],
    filters: [spanNamed('code.generate')],
  }),
  table('LLM Provider Errors', 'Failed LLM calls by provider', {
    calculations: [count()],
    filters: [spanNamed('llm.call'), failed],
    breakdowns: [ATTR_GEN_AI_PROVIDER_NAME],
  }),
];

export const businessQueries: NamedQuery[] = [
  timeSeries('Sessions Created', 'Sessions created per hour', {
    calculations: [count()],
    filters: [spanNamed('session.create')],
  }),
  timeSeries('Session Completion Rate', 'Share of session operations on finalized sessions', {
    calculations: [avg('dc.session_finalized')],
    filters: [where('name', 'starts-with', 'session.')],
  }),
  timeSeries('Holes Resolved', 'Holes resolved', {
    calculations: [sum('session.holes_resolved')],
    filters: [spanNamed('session.update')],
  }),
  timeSeries('Average Holes per Session', 'Holes found when a session is created', {
    calculations: [avg('session.holes_count')],
    filters: [spanNamed('session.create')],
  }),
  timeSeries('Cost per LLM Call', 'Average cost of an LLM call', {
    calculations: [avg('llm.cost_usd')],
    filters: [where('llm.cost_usd', 'exists')],
  }),
  timeSeries('Token Usage', 'Input and output tokens', {
    calculations: [sum(ATTR_GEN_AI_USAGE_INPUT_TOKENS), sum(ATTR_GEN_AI_USAGE_OUTPUT_TOKENS)],
    filters: [spanNamed('llm.call')],
  }),
];
