import { expectTrace, setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { AppConfig } from '../config/app-config.js';
import { LIFT_SYS_OBSERVABILITY } from '../observability/observability-options.js';
import { ProviderRouter } from '../providers/provider-router.js';
import { startStubLlmServer, type StubLlmServer } from '../testing/stub-llm-server.js';
import { IRTranslator, MAX_IR_ATTEMPTS } from './ir-translator.js';
import { IRValidator } from './ir-validator.js';
import { parsePrompt } from './rule-based-parser.js';

const PROMPT =
  'Write a function called area that takes a float width and a float height and returns a float, where width > 0 and height > 0.';

let otel: TestObservability;
let stub: StubLlmServer;
let answers: string[] = [];
beforeAll(async () => {
  otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
  stub = await startStubLlmServer(() => answers.shift() ?? 'no more answers', { inputTokens: 300, outputTokens: 200 });
});
afterEach(() => otel.reset());
afterAll(async () => {
  await stub.close();
  await otel.shutdown();
});

const translator = (env: NodeJS.ProcessEnv) => new IRTranslator(new ProviderRouter(AppConfig.fromEnv(env)), new IRValidator());
const modal = () => ({ MODAL_ENDPOINT_URL: `${stub.url}/v1` });

it('translates through the fixture provider on the modal_inference route and validates the IR', async () => {
  const translation = await translator({}).translate(PROMPT);
  expect(translation).toMatchObject({ path: 'llm', attempts: 1, provider: 'fixture', route: 'modal_inference' });
  expect(translation.validation.status).toBe('valid');
  expectTrace(otel.spans(), {
    name: 'ir.generate',
    attributes: {
      'ir.provider': 'fixture',
      'ir.provider_route': 'modal_inference',
      'ir.validation_status': 'valid',
      'ir.version': 1,
      'ir.holes_count': 0,
      'ir.completeness': 1,
      'ir.constraints_count': 2,
    },
    children: [
      { name: 'llm.call', attributes: { 'llm.purpose': 'ir' } },
      { name: 'ir.validate', attributes: { 'ir.validation_status': 'valid' } },
    ],
  });
});

it('feeds a rejected answer back and accepts a later valid one', async () => {
  answers = ['not json', JSON.stringify(parsePrompt(PROMPT, 'python'))];
  const translation = await translator(modal()).translate(PROMPT);
  expect(translation).toMatchObject({
    path: 'llm',
    attempts: 2,
    provider: 'modal',
    usage: { inputTokens: 600, outputTokens: 400 },
  });
  expect(String((stub.requests.at(-1)?.body.messages as { content: string }[])[1].content)).toContain(
    'previous answer was rejected: not valid JSON',
  );
});

it(`falls back to the rule-based parser after ${MAX_IR_ATTEMPTS} bad answers`, async () => {
  answers = ['{}', '[]', '{"intent": 1}'];
  const translation = await translator(modal()).translate(PROMPT);
  expect(translation).toMatchObject({ path: 'rule_based', attempts: MAX_IR_ATTEMPTS });
  expect(translation.validation.ir.signature.name).toBe('area');
  expect(otel.spansNamed('llm.call')).toHaveLength(MAX_IR_ATTEMPTS);
  expect(otel.spansNamed('ir.generate')[0].events.map((event) => event.name)).toEqual([
    'ir.answer_rejected',
    'ir.answer_rejected',
    'ir.answer_rejected',
  ]);
});

it('falls back to the rule-based parser when the provider fails, leaving the failed llm.call in the trace', async () => {
  const translation = await translator({ MODAL_ENDPOINT_URL: `${stub.url}/missing` }).translate(PROMPT);
  expect(translation).toMatchObject({ path: 'rule_based', attempts: 0, provider: 'rule_based' });
  expectTrace(otel.spans(), {
    name: 'ir.generate',
    attributes: { 'ir.translation_path': 'rule_based' },
    children: [{ name: 'llm.call', status: 'error', attributes: { error: true } }, { name: 'ir.validate' }],
  });
});
