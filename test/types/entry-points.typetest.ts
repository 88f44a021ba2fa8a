/**
 * Compiled by `npm run typecheck` (never executed): the advanced pieces live at `./sdk`, not at the
 * root, and each `@ts-expect-error` fails the build if a moved name comes back to the root.
 */
import type { ObservabilityOptions, OtlpProtocol } from '@lift-sys/observability';
import { DeterministicSampler, LIBRARY_ATTRIBUTE_KEYS, resolveConfig } from '@lift-sys/observability/sdk';
// @ts-expect-error resolveConfig is at @lift-sys/observability/sdk
import { resolveConfig as rootResolveConfig } from '@lift-sys/observability';
// @ts-expect-error LIBRARY_ATTRIBUTE_KEYS is at @lift-sys/observability/sdk
import { LIBRARY_ATTRIBUTE_KEYS as rootKeys } from '@lift-sys/observability';

const protocol: OtlpProtocol = 'http/json';
const options: ObservabilityOptions = { otlp: { protocol } };
// @ts-expect-error grpc is not a protocol the library speaks
const grpc: ObservabilityOptions = { otlp: { protocol: 'grpc' } };

export const checks = [
  resolveConfig(options, {}),
  new DeterministicSampler(1, false),
  LIBRARY_ATTRIBUTE_KEYS,
  rootResolveConfig,
  rootKeys,
  grpc,
];
