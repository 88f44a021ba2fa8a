import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DefinitionsModule, HoneycombDefinitions } from '../spec/definitions.js';

/** Imports a module exporting `definitions` (and optionally `declaredColumns`), or a default of that shape. */
export async function loadDefinitions(path: string): Promise<DefinitionsModule> {
  const mod = (await import(pathToFileURL(resolve(path)).href)) as Partial<DefinitionsModule> & { default?: unknown };
  const fromDefault = mod.default as Partial<DefinitionsModule> | undefined;
  const definitions = mod.definitions ?? fromDefault?.definitions;
  if (!definitions) throw new Error(`${path} exports no \`definitions\``);
  return {
    definitions: definitions as HoneycombDefinitions,
    declaredColumns: mod.declaredColumns ?? fromDefault?.declaredColumns,
  };
}
