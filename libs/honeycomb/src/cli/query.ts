import { parseArgs } from 'node:util';
import { runQuery } from '../engine/run-query.js';
import { readTracesDir, DEFAULT_TRACES_DIR } from '../flatten/traces-dir.js';
import type { DefinitionsModule } from '../spec/definitions.js';
import { calcKey, effectiveCalculations } from '../spec/query.js';
import { processIo, type CliIo } from './io.js';
import { loadDefinitions } from './load-definitions.js';
import { renderTable } from './table.js';

export const QUERY_USAGE = 'usage: traces-query <query name> --definitions <module> [--dir .traces] [--now <ISO date | ms>]';

/** Runs a saved query over the local OTLP/JSON trace files and prints the result as a table. */
export async function main(argv: readonly string[], io: CliIo = processIo, source?: DefinitionsModule): Promise<number> {
  try {
    const { values: args, positionals } = parseArgs({
      args: [...argv],
      options: { definitions: { type: 'string' }, dir: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
    if (args.help) {
      io.stdout(QUERY_USAGE);
      return 0;
    }
    const definitionsPath = args.definitions;
    if (!source && !definitionsPath) throw new Error(`no definitions given\n${QUERY_USAGE}`);
    const { definitions } = source ?? (await loadDefinitions(definitionsPath!));
    const queries = definitions.queries ?? [];
    const [name] = positionals;
    const saved = queries.find((q) => q.name === name);
    if (!saved) {
      io.stderr(name ? `no saved query named "${name}"` : QUERY_USAGE);
      io.stderr(`saved queries: ${queries.map((q) => `"${q.name}"`).join(', ') || '(none)'}`);
      return 1;
    }
    const dir = args.dir ?? DEFAULT_TRACES_DIR;
    const events = await readTracesDir(dir);
    const now = parseNow(args.now) ?? (io.now ?? Date.now)();
    const result = runQuery(saved.query, events, { now, derivedColumns: definitions.derivedColumns });

    const breakdowns = saved.query.breakdowns ?? [];
    const keys = effectiveCalculations(saved.query).map(calcKey);
    const table = renderTable(
      [...breakdowns, ...keys],
      result.rows.map((row) => [...breakdowns.map((b) => row.group[b]), ...keys.map((k) => row.values[k])]),
    );
    io.stdout(
      `${saved.name}: ${events.length} events in ${dir}, window ${new Date(result.window.startMs).toISOString()} to ${new Date(result.window.endMs).toISOString()}`,
    );
    table.forEach((line) => io.stdout(line));
    io.stdout(`${result.rows.length} row(s)`);
    return 0;
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}`);
    return 1;
  }
}

function parseNow(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`--now ${value} is neither an ISO date nor ms since the epoch`);
  return ms;
}
