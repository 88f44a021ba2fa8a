import { ESLint } from 'eslint';

/** Lints a snippet as if it were the file at `filePath`, with the repository's own configuration. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the layering lint rule', () => {
  it.each([
    ['libs/observability/src/core/probe.ts', "import { HttpServerTracing } from '../http/http-server-tracing.js';"],
    ['libs/observability/src/core/probe.ts', "import { Injectable } from '@nestjs/common';"],
    ['libs/observability/src/decorators/probe.ts', "import { ObservabilityModule } from '../nest/observability.module.js';"],
    ['libs/observability/src/sampling/probe.ts', "import { resolveConfig } from '../sdk/resolve-config.js';"],
    ['libs/observability/src/span/probe.ts', "import { HttpAdapterHost } from '@nestjs/core';"],
    ['libs/observability/src/conventions/probe.ts', "export { HTTP_TRACING_OPTIONS } from '../http/http-tokens.js';"],
    ['libs/observability/src/http/probe.ts', "import type { ObservabilityHandle } from '../sdk/setup-observability.js';"],
    ['libs/observability/src/http/probe.ts', "import { OBSERVABILITY_HANDLE } from '../nest/observability-module-options.js';"],
    ['apps/lift-sys/src/probe.ts', "import { Traced } from '../../../libs/observability/src/decorators/traced.js';"],
    ['apps/lift-sys/src/probe.ts', "import { Traced } from '@lift-sys/observability/src/index.js';"],
    ['apps/lift-sys/src/probe.ts', "import { Traced } from '@lift-sys/observability/dist/index.js';"],
  ])('rejects in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, `${code}\n`)).toHaveLength(1);
  });

  it.each([
    ['libs/observability/src/core/probe.ts', "import { ATTR_ERROR } from '../conventions/attribute-names.js';"],
    ['libs/observability/src/http/probe.ts', "import { markError } from '../core/finish-span.js';"],
    ['libs/observability/src/http/probe.ts', "import { Injectable } from '@nestjs/common';"],
    ['libs/observability/src/nest/probe.ts', "import { HttpServerTracing } from '../http/http-server-tracing.js';"],
    ['libs/observability/src/decorators/probe.spec.ts', "import { Controller } from '@nestjs/common';"],
    ['apps/lift-sys/src/probe.ts', "import { Traced } from '@lift-sys/observability';"],
    ['apps/lift-sys/src/probe.ts', "import { setupTestObservability } from '@lift-sys/observability/testing';"],
  ])('allows in %s: %s', async (filePath, code) => {
    expect(await restrictedImports(filePath, `${code}\n`)).toEqual([]);
  });
});
