import { describeHttpTracing } from './http-tracing.suite.js';

describe('HTTP tracing with Fastify', () => describeHttpTracing('fastify'));
