import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HoneycombDefinitions } from '@lift-sys/honeycomb';

/** Imports a module that exports `definitions` (or a default with it), as `honeycomb:apply` takes. */
export async function importDefinitions(path: string): Promise<HoneycombDefinitions> {
  const mod = (await import(pathToFileURL(resolve(path)).href)) as { definitions?: unknown; default?: { definitions?: unknown } };
  const definitions = mod.definitions ?? mod.default?.definitions;
  if (typeof definitions !== 'object' || definitions === null) throw new Error(`${path} exports no \`definitions\``);
  return definitions as HoneycombDefinitions;
}
