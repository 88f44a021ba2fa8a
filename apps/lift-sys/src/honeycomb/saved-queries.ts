import { avg, count, desc, max, p95, sum, where, type NamedQuery } from '@lift-sys/honeycomb';
import { ATTR_DB_COLLECTION_NAME, ATTR_DB_OPERATION_NAME } from '@opentelemetry/semantic-conventions';
import { ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_REQUEST_MODEL } from '@opentelemetry/semantic-conventions/incubating';
import { dbSpans, requests, spanNamed, table } from './query-kit.js';

/** The saved queries of the plan's section 7.5 and Appendix C. */
export const savedQueries: NamedQuery[] = [
  table('Slow Requests', 'Requests slower than 10 s (section 7.5, query 1)', {
    calculations: [max('duration_ms')],
    filters: [requests, where('duration_ms', '>', 10_000)],
    breakdowns: ['trace.trace_id', 'http.route', 'user.id'],
    orders: [desc(max('duration_ms'))],
    limit: 100,
  }),
  table('High Cost Requests', 'LLM calls costing more than $0.05 (7.5, query 2)', {
    calculations: [max('llm.cost_usd')],
    filters: [where('llm.cost_usd', '>', 0.05)],
    breakdowns: ['trace.trace_id', ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_REQUEST_MODEL, 'user.id'],
    orders: [desc(max('llm.cost_usd'))],
    limit: 100,
  }),
  table('Failed Code Generations', 'Code generations that did not succeed (7.5, query 3)', {
    calculations: [count()],
    filters: [spanNamed('code.generate'), where('code.success', '=', false)],
    breakdowns: ['trace.trace_id', 'code.language', 'code.retries', 'status_message', 'session.id'],
    limit: 100,
  }),
  table('User Success Rate', 'Session operations and the share on finalized sessions, per user (7.5, query 4)', {
    calculations: [count(), avg('dc.session_finalized')],
    filters: [where('name', 'starts-with', 'session.')],
    breakdowns: ['user.id'],
    orders: [desc(count())],
    limit: 50,
  }),
  table('LLM Provider Comparison', 'Latency, errors and cost per provider and model (7.5, query 5)', {
    calculations: [avg('duration_ms'), p95('duration_ms'), avg('dc.is_error'), avg('llm.cost_usd')],
    filters: [spanNamed('llm.call')],
    breakdowns: [ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_REQUEST_MODEL],
  }),
  table('Slowest Requests per User', 'P95 request latency per user and trace (section 12.3, test 3)', {
    calculations: [p95('duration_ms')],
    filters: [requests],
    breakdowns: ['user.id', 'trace.trace_id'],
    orders: [desc(p95('duration_ms'))],
    limit: 20,
  }),
  table("User's Slow Sessions", 'Session requests slower than 10 s, per user (Appendix C)', {
    calculations: [p95('duration_ms')],
    filters: [where('user.id', 'exists'), where('duration_ms', '>', 10_000)],
    breakdowns: ['user.id', 'trace.trace_id', 'http.route'],
    orders: [desc(p95('duration_ms'))],
    limit: 20,
  }),
  table('LLM Cost by Model', 'Spend per provider and model (Appendix C)', {
    calculations: [sum('llm.cost_usd'), avg('llm.cost_usd'), count()],
    filters: [where('llm.cost_usd', 'exists')],
    breakdowns: [ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_REQUEST_MODEL],
    orders: [desc(sum('llm.cost_usd'))],
  }),
  table('Code Generation Success Rate', 'Share of code generations that succeeded, per language (Appendix C)', {
    calculations: [avg('dc.code_succeeded'), count()],
    filters: [spanNamed('code.generate')],
    breakdowns: ['code.language'],
  }),
  table('Retry Analysis', 'Operations that needed retries, by reason (Appendix C)', {
    calculations: [avg('code.retries'), count()],
    filters: [where('code.retries', '>', 0)],
    breakdowns: ['name', 'code.retry_reason'],
    orders: [desc(avg('code.retries'))],
  }),
  table('Database Query Breakdown', 'Database spans by operation and table (Appendix C)', {
    calculations: [p95('duration_ms'), count()],
    filters: [dbSpans],
    breakdowns: [ATTR_DB_OPERATION_NAME, ATTR_DB_COLLECTION_NAME],
    orders: [desc(p95('duration_ms'))],
    limit: 50,
  }),
];
