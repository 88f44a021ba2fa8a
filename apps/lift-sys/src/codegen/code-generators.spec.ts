import { SpanStatusCode } from '@opentelemetry/api';
import { expectTrace, setupTestObservability, type TestObservability } from '@lift-sys/observability/testing';
import { AppConfig } from '../config/app-config.js';
import type { IntermediateRepresentation } from '../ir/ir.types.js';
import { LIFT_SYS_OBSERVABILITY } from '../observability/observability-options.js';
import { INJECTED_SYNTAX_ERROR } from '../providers/deterministic-answer.js';
import { ProviderRouter } from '../providers/provider-router.js';
import { AstRepairer } from './ast-repair.js';
import { CodeGenerationFailedError, type CodeGenerator } from './code-generator.js';
import { CodeValidationError, CodeValidator } from './code-validator.js';
import { CppGenerator } from './cpp.generator.js';
import { GoGenerator } from './go.generator.js';
import { JavaGenerator } from './java.generator.js';
import { PythonGenerator } from './python.generator.js';
import { RustGenerator } from './rust.generator.js';
import { findExecutable } from './toolchain.js';
import { TypeScriptGenerator } from './typescript.generator.js';
import { ZigGenerator } from './zig.generator.js';

const IR: IntermediateRepresentation = {
  intent: {
    summary: 'Scale every reading by a factor and report whether any exceed the limit',
    rationale: 'Used by the alerting job',
    holes: [],
  },
  signature: {
    name: 'scale_readings',
    parameters: [
      { name: 'readings', type_hint: 'list[float]', description: '' },
      { name: 'factor', type_hint: 'float', description: '' },
      { name: 'limit', type_hint: 'int', description: '' },
      { name: 'label', type_hint: 'str', description: '' },
    ],
    returns: 'bool',
    holes: [],
  },
  effects: [{ description: 'Logs the label // with a C++ line splice \\', holes: [] }],
  assertions: [
    { predicate: 'factor > 0', rationale: null, holes: [] },
    { predicate: 'limit >= 1', rationale: null, holes: [] },
  ],
  constraints: [],
  metadata: { language: 'python', origin: 'prompt' },
};

let otel: TestObservability;
beforeAll(() => {
  otel = setupTestObservability(LIFT_SYS_OBSERVABILITY);
});
afterEach(() => otel.reset());
afterAll(() => otel.shutdown());

function generators(env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): CodeGenerator[] {
  const config = AppConfig.fromEnv(env);
  const deps = [new ProviderRouter(config), new AstRepairer(), new CodeValidator(config), config] as const;
  return [TypeScriptGenerator, RustGenerator, GoGenerator, JavaGenerator, PythonGenerator, ZigGenerator, CppGenerator].map(
    (Generator) => new Generator(...deps),
  );
}

const installed = (generator: CodeGenerator) =>
  generator.toolchain.kind === 'in_process' || findExecutable(generator.toolchain.binary, process.env.PATH ?? '') !== undefined;

describe.each(generators().map((generator) => [generator.language, generator] as const))(
  '%s generator',
  (_language, generator) => {
    it(`produces code its own toolchain accepts (or skips validation when the toolchain is missing)`, async () => {
      const generated = await generator.generate(IR);
      expect(generated).toMatchObject({ retries: 0, validation: { skipped: !installed(generator) } });
      expect(generated.code).toContain(
        generator.language === 'go'
          ? 'ScaleReadings'
          : generator.language === 'java'
            ? 'scaleReadings'
            : generator.language === 'typescript' || generator.language === 'zig'
              ? 'scaleReadings'
              : 'scale_readings',
      );
      expectTrace(otel.spans(), {
        name: 'code.generate',
        attributes: {
          'code.language': generator.language,
          'code.generator': generator.constructor.name,
          'code.retries': 0,
          'code.success': true,
          'code.lines': generated.lines,
          'code.validation_skipped': !installed(generator),
        },
        children: [
          {
            name: 'llm.call',
            attributes: {
              'gen_ai.provider.name': 'fixture',
              'llm.provider_route': 'best_available',
              'gen_ai.request.stream': true,
            },
          },
          { name: 'ast.repair' },
          { name: 'code.validate', status: 'unset', attributes: { 'code.validation_skipped': !installed(generator) } },
        ],
      });
    });

    if (installed(generator)) {
      it('rejects code with a syntax error', async () => {
        const broken = generator.render(IR) + INJECTED_SYNTAX_ERROR;
        const validator = new CodeValidator(AppConfig.fromEnv({ PATH: process.env.PATH }));
        await expect(validator.validate(generator.language, broken, generator.toolchain, generator.fileName(IR))).rejects.toThrow(
          CodeValidationError,
        );
      });
    }
  },
);

it('skips validation, saying why, when the toolchain is not on the search path', async () => {
  const rust = generators({ PATH: '' })[1];
  const generated = await rust.generate(IR);
  expect(generated.validation).toEqual({ skipped: true, toolchain: 'rustc not on PATH' });
  expect(otel.spansNamed('code.validate')[0].attributes).toMatchObject({
    'code.validation_skipped': true,
    'code.toolchain': 'rustc not on PATH',
  });
});

it('retries once with the diagnostics when the first attempt fails validation', async () => {
  const generated = await generators()[0].generate(IR, { fixtureFault: 'invalid_once' });
  expect(generated.retries).toBe(1);
  const [failed, passed] = otel.spansNamed('code.validate');
  expect(failed.status.code).toBe(SpanStatusCode.ERROR);
  expect(failed.attributes).toMatchObject({ error: true, 'code.compilation_success': false });
  expect(failed.events.find((event) => event.name === 'exception')?.attributes?.['exception.type']).toBe('CodeValidationError');
  expect(passed.status.code).toBe(SpanStatusCode.UNSET);
  expect(otel.spansNamed('code.generate')[0].attributes).toMatchObject({
    'code.retries': 1,
    'code.success': true,
    'code.retry_reason': expect.stringContaining('typescript code failed validation'),
  });
  expect(otel.spansNamed('llm.call')).toHaveLength(2);
});

it('gives up after the configured retries when validation always fails', async () => {
  const typescript = generators({ PATH: '', CODEGEN_MAX_RETRIES: '1' })[0];
  await expect(typescript.generate(IR, { fixtureFault: 'invalid_always' })).rejects.toThrow(CodeGenerationFailedError);
  expect(otel.spansNamed('code.validate')).toHaveLength(2);
  expect(otel.spansNamed('code.generate')[0].attributes).toMatchObject({ error: true, 'code.retries': 1, 'code.success': false });
});
