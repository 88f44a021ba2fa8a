import { parseArgs } from 'node:util';
import { DEFAULT_TRACES_DIR } from '@lift-sys/honeycomb';
import { startExplorer } from '@lift-sys/explorer';
import { liftSysDefinitions } from '../honeycomb/definitions.js';
import { startInferenceService } from './inference-process.js';
import { runDemo } from './run-demo.js';

/**
 * `npm run demo [-- --explore [--port <n>]]`: the scripted session against the app, whose Modal
 * provider calls the inference service in a second process, so (with no Anthropic or OpenAI key) every trace with an LLM call
 * (IR translation, code generation, robustness analysis) crosses two services. With --explore the trace explorer then serves the run's traces until interrupted.
 */
const { values } = parseArgs({
  options: { explore: { type: 'boolean', default: false }, port: { type: 'string', default: '4318' } },
});
const tracesDir = process.env.OBSERVABILITY_TRACES_DIR ?? DEFAULT_TRACES_DIR;
const inference = await startInferenceService(process.env);
try {
  process.exitCode = await runDemo({ inference });
} finally {
  await inference.stop();
}

if (values.explore) {
  const explorer = await startExplorer({ port: Number(values.port), tracesDir, definitions: liftSysDefinitions(process.env) });
  console.log(`\nTrace explorer with this run's traces: ${explorer.url}/ (Ctrl-C to stop)`);
  const stop = (): void => void explorer.close().then(() => process.exit());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  console.log(`\nSee these traces as waterfalls and the boards as charts: npm run explore -- --traces ${tracesDir}`);
}
