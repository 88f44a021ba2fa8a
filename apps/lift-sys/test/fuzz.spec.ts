import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { LANGUAGES } from '../src/codegen/languages.js';
import { LIFT_SYS_OBSERVABILITY } from '../src/observability/observability-options.js';
import { RESOLUTION_TYPES } from '../src/sessions/session.types.js';
import { Database } from '../src/storage/database.js';
import { startTestApp, type TestApp } from '../src/testing/test-app.js';

/** Fixed, so a failure is replayed exactly; change it to explore other inputs. */
const SEED = 20_261_129;
const RUNS = 750;
const MAX_REQUESTS_PER_RUN = 10;

interface FuzzRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Raw text, so malformed and hostile JSON reaches the server as sent. */
  body?: string;
  user?: string;
}

/** Picks a session this run created (by index) or a hostile id, percent-encoded byte by byte. */
type IdChoice = { known: number } | { raw: Uint8Array } | { text: string };

const PROMPTS = [
  'Write a function called twice that takes an integer n and returns an integer.',
  'Write a function called greet that takes a string name and returns a string greeting for that person.',
  'Write a function called total that takes a list of integers values and returns their sum. Inputs are non-negative integers.',
  'Write a function called half that takes n.',
  'Create a function that sorts.',
];

/** Sessions are spread over a few users, so listing one user's sessions stays cheap as the store grows. */
const USERS = fc.constantFrom(...Array.from({ length: 16 }, (_, index) => `fuzz-${index}`));

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', '\ud800', '\udfff', '\\u0000', "'; DROP TABLE sessions; --", '%00', '../../etc/passwd', ''),
);
const promptText = fc.oneof(fc.constantFrom(...PROMPTS), hostileText, fc.string({ maxLength: 200 }));
const nested = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const metadataJson = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.constantFrom(nested(9), nested(40), nested(1_000), '{"language":"rust"}', '{"fixture_fault":"invalid_once"}'),
  fc.dictionary(hostileText, hostileText, { maxKeys: 5 }).map((value) => JSON.stringify(value)),
);
const jsonOf = (fields: Record<string, fc.Arbitrary<string | undefined>>): fc.Arbitrary<string> =>
  fc.record(fields, { requiredKeys: [] }).map((record) => {
    const parts = Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined);
    return `{${parts.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
  });
const anyJson = fc.oneof(fc.json({ maxDepth: 3 }), fc.constantFrom('{oops', '', 'null', '[]', nested(6_000)));
const stringJson = (text: fc.Arbitrary<string>) => text.map((value) => JSON.stringify(value));
const idChoice: fc.Arbitrary<IdChoice> = fc.oneof(
  { weight: 6, arbitrary: fc.nat().map((known) => ({ known })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((raw) => ({ raw })) },
  { weight: 1, arbitrary: fc.oneof(fc.uuid(), hostileText).map((text) => ({ text })) },
);
const holeId = fc.oneof(
  fc.constantFrom('n_type', 'return_type', 'input_constraints', 'detailed_intent', 'name_type'),
  hostileText,
);

type Step =
  | { kind: 'create'; body: string; user: string }
  | { kind: 'session'; id: IdChoice; action: SessionAction }
  | { kind: 'other'; request: FuzzRequest };
type SessionAction =
  { verb: 'get' | 'finalize' | 'delete' } | { verb: 'resolve'; hole: string; body: string } | { verb: 'generate'; body: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.oneof(
          { weight: 5, arbitrary: jsonOf({ prompt: stringJson(promptText), metadata: metadataJson }) },
          { weight: 1, arbitrary: anyJson },
        ),
        USERS,
      )
      .map(([body, user]) => ({ kind: 'create' as const, body, user })),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('session' as const),
      id: idChoice,
      action: fc.oneof(
        fc.constantFrom({ verb: 'get' as const }, { verb: 'finalize' as const }, { verb: 'delete' as const }),
        fc.record({
          verb: fc.constant('resolve' as const),
          hole: holeId,
          body: fc.oneof(
            jsonOf({
              resolution_text: stringJson(
                fc.oneof(
                  fc.constantFrom('int', 'str', 'none', 'n > 0', 'inputs are non-negative integers', 'list[int]'),
                  hostileText,
                ),
              ),
              resolution_type: stringJson(fc.oneof(fc.constantFrom(...RESOLUTION_TYPES), hostileText)),
            }),
            anyJson,
          ),
        }),
        fc.record({
          verb: fc.constant('generate' as const),
          body: jsonOf({ target_language: stringJson(fc.oneof(fc.constantFrom(...LANGUAGES), hostileText)) }),
        }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom<FuzzRequest>(
          { method: 'GET', path: '/api/spec-sessions' },
          { method: 'GET', path: '/api/sessions' },
          { method: 'GET', path: '/api/providers' },
          { method: 'GET', path: '/api/health' },
          { method: 'GET', path: '/api/health/ready' },
        ),
        fc
          .oneof(
            jsonOf({
              prompt: stringJson(promptText),
              variant_count: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double()).map(String),
              test_type: stringJson(fc.oneof(fc.constant('ir_paraphrase'), hostileText)),
            }),
            anyJson,
          )
          .map((body): FuzzRequest => ({ method: 'POST', path: '/api/robustness/analyze', body })),
        fc
          .oneof(
            jsonOf({
              optimizer: stringJson(fc.oneof(fc.constantFrom('miprov2', 'copro'), hostileText)),
              examples: fc.array(promptText, { maxLength: 3 }).map((examples) => JSON.stringify(examples)),
              max_trials: fc.integer({ min: -1, max: 3 }).map(String),
            }),
            anyJson,
          )
          .map((body): FuzzRequest => ({ method: 'POST', path: '/api/optimization/runs', body })),
        fc
          .tuple(fc.constantFrom('/api/spec-sessions', '/api/health'), fc.oneof(hostileText, fc.string()))
          .map(([path, user]): FuzzRequest => ({ method: 'GET', path, user })),
      )
      .map((request) => ({ kind: 'other' as const, request })),
  },
);

const percentEncoded = (bytes: Uint8Array): string =>
  [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('') || '%20';
/** Like encodeURIComponent, but lone surrogates (which it refuses) go out as their raw UTF-8-ish bytes. */
const encodeSegment = (text: string): string => percentEncoded(Buffer.from(text, 'utf8')) || '%20';

describe('a seeded fuzz run across every endpoint', () => {
  let otel: TestObservability;
  let test: TestApp;
  let base = '';
  const created: { id: string; user: string }[] = [];

  beforeAll(async () => {
    otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
    // No compilers on PATH: generated code is not compiled, which keeps thousands of requests fast.
    test = await startTestApp({ env: { PATH: '' } });
    await test.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(test.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await test.close();
    await otel.shutdown();
  });

  const toRequest = (item: Step): FuzzRequest => {
    if (item.kind === 'create') return { method: 'POST', path: '/api/spec-sessions', body: item.body, user: item.user };
    if (item.kind === 'other') return item.request;
    const known = 'known' in item.id ? created[item.id.known % Math.max(created.length, 1)] : undefined;
    const id =
      'known' in item.id ? (known?.id ?? 'none') : 'raw' in item.id ? percentEncoded(item.id.raw) : encodeSegment(item.id.text);
    const session = `/api/spec-sessions/${id}`;
    const user = known?.user;
    switch (item.action.verb) {
      case 'get':
        return { method: 'GET', path: session, user };
      case 'delete':
        return { method: 'DELETE', path: session, user };
      case 'finalize':
        return { method: 'POST', path: `${session}/finalize`, user };
      case 'resolve':
        return {
          method: 'POST',
          path: `${session}/holes/${encodeSegment(item.action.hole)}/resolve`,
          body: item.action.body,
          user,
        };
      case 'generate':
        return { method: 'POST', path: `${session}/generate`, body: item.action.body, user };
    }
  };

  it(`answers ${RUNS} runs of up to ${MAX_REQUESTS_PER_RUN} requests with zero 5xx and leaves a consistent store`, async () => {
    const serverErrors: string[] = [];
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: MAX_REQUESTS_PER_RUN }), async (steps) => {
        for (const item of steps) {
          const request = toRequest(item);
          const response = await fetch(`${base}${request.path}`, {
            method: request.method,
            headers: {
              'content-type': 'application/json',
              // Header values must be ByteStrings; anything else is the client's own error, not a request.
              'x-demo-user': /^[\x20-\x7e]*$/.test(request.user ?? '') ? (request.user ?? 'fuzz') : 'fuzz',
            },
            body: request.body,
          });
          sent++;
          const text = await response.text();
          if (response.status >= 500)
            serverErrors.push(
              `${response.status} ${request.method} ${request.path} ${request.body?.slice(0, 200)} -> ${text.slice(0, 300)}`,
            );
          if (item.kind === 'create' && response.status === 201)
            created.push({ id: (JSON.parse(text) as { session_id: string }).session_id, user: item.user });
          if (response.status >= 400) expect(JSON.parse(text)).toMatchObject({ statusCode: response.status });
        }
        // Spans are kept in memory; dropping them now and then keeps the run's heap flat.
        if (sent % 500 < MAX_REQUESTS_PER_RUN) otel.reset();
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(serverErrors.slice(0, 10)).toEqual([]);
    expect(sent).toBeGreaterThan(3_500);
    expect(created.length).toBeGreaterThan(50);

    // Every session created is still whole: readable, its current draft present, one revision per
    // resolution plus the initial one, and one draft per version.
    const database = test.app.get(Database);
    const inconsistent = await database.query<{ id: string }>(
      `SELECT s.id FROM sessions s
        WHERE NOT EXISTS (SELECT 1 FROM session_drafts d WHERE d.session_id = s.id AND d.version = s.current_draft_version)
           OR (SELECT count(*) FROM session_drafts d WHERE d.session_id = s.id) <> s.current_draft_version
           OR (SELECT count(*) FROM session_revisions r WHERE r.session_id = s.id)
              <> 1 + (SELECT count(*) FROM hole_resolutions h WHERE h.session_id = s.id)`,
    );
    expect(inconsistent.rows).toEqual([]);
    const stored = await database.query<{ n: string }>('SELECT count(*) AS n FROM sessions');
    expect(Number(stored.rows[0].n)).toBe(created.length);
    for (const { id, user } of created.slice(-50)) {
      const response = await fetch(`${base}/api/spec-sessions/${id}`, { headers: { 'x-demo-user': user } });
      expect(response.status).toBe(200);
    }
  }, 180_000);
});
