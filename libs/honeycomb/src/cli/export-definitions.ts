import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HoneycombDefinitions } from '../spec/definitions.js';
import { SECRET_TARGET_TYPES, targetHash, type RecipientRef } from '../spec/recipient.js';

const FILES: Array<[keyof HoneycombDefinitions, string]> = [
  ['recipients', 'recipients.json'],
  ['derivedColumns', 'derived-columns.json'],
  ['queries', 'queries.json'],
  ['slos', 'slos.json'],
  ['burnAlerts', 'burn-alerts.json'],
  ['triggers', 'triggers.json'],
  ['boards', 'boards.json'],
];

/** Object keys sorted at every level; array order is meaning (panel order, calculation order) and stays. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** A PagerDuty key or webhook URL is exported as its hash, so committed JSON never holds a secret. */
const hidden = <R extends RecipientRef>(r: R): R =>
  SECRET_TARGET_TYPES.has(r.type) ? { ...r, target: `sha256:${targetHash(r.target)}` } : r;

function withoutSecrets(defs: HoneycombDefinitions): HoneycombDefinitions {
  return {
    ...defs,
    recipients: defs.recipients?.map(hidden),
    burnAlerts: defs.burnAlerts?.map((b) => ({ ...b, recipients: b.recipients?.map(hidden) })),
    triggers: defs.triggers?.map((t) => ({ ...t, recipients: t.recipients?.map(hidden) })),
  };
}

/** File name → pretty JSON, one file per kind, identical for identical definitions; secret targets hashed. */
export function renderDefinitionFiles(defs: HoneycombDefinitions): Record<string, string> {
  const safe = withoutSecrets(defs);
  return Object.fromEntries(FILES.map(([kind, file]) => [file, `${JSON.stringify(sortKeys(safe[kind] ?? []), null, 2)}\n`]));
}

/** Writes the rendered files into `dir`, returning their paths. */
export async function exportDefinitions(defs: HoneycombDefinitions, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, content] of Object.entries(renderDefinitionFiles(defs))) {
    const path = join(dir, file);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}
