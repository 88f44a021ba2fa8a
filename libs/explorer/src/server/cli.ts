#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { DEFAULT_TRACES_DIR } from '@lift-sys/honeycomb';
import { importDefinitions } from './definitions-module.js';
import { DEFAULTS, startExplorer } from './explorer-server.js';

const USAGE = `Usage: lift-sys-explore [--port 4318] [--host 127.0.0.1] [--traces .traces] [--definitions <module.js>]
  --port           port for the UI and OTLP/HTTP (POST /v1/traces); 0 picks a free one (default 4318)
  --host           address to bind (default 127.0.0.1; anything else exposes span data to the network)
  --traces         folder of OTLP/JSON lines to load, where received spans are appended (default .traces)
  --definitions    module exporting Honeycomb \`definitions\` whose boards, triggers and SLOs to show
  --max-spans      spans kept in memory, oldest traces dropped first (default ${DEFAULTS.maxSpans})
  --max-body-bytes largest OTLP request accepted (default ${DEFAULTS.maxBodyBytes})`;

/** `npm run explore -- --port <n> --traces <folder>`. Returns the exit code when it does not keep running. */
export async function main(argv: string[], print: (line: string) => void = console.log): Promise<number | undefined> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string', default: '4318' },
        host: { type: 'string', default: DEFAULTS.host },
        traces: { type: 'string', default: DEFAULT_TRACES_DIR },
        definitions: { type: 'string' },
        'max-spans': { type: 'string', default: String(DEFAULTS.maxSpans) },
        'max-body-bytes': { type: 'string', default: String(DEFAULTS.maxBodyBytes) },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    print(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const port = wholeNumber(values.port, 0, 65535);
  const maxSpans = wholeNumber(values['max-spans'], 1, Number.MAX_SAFE_INTEGER);
  const maxBodyBytes = wholeNumber(values['max-body-bytes'], 1024, 2 ** 31 - 1);
  if (port === undefined || maxSpans === undefined || maxBodyBytes === undefined) {
    print(`--port must be 0-65535, --max-spans at least 1, --max-body-bytes at least 1024\n${USAGE}`);
    return 2;
  }
  const definitions = values.definitions ? await importDefinitions(values.definitions) : undefined;
  const explorer = await startExplorer({
    port,
    host: values.host,
    tracesDir: values.traces,
    definitions,
    maxSpans,
    maxBodyBytes,
    log: (line) => console.error(line),
  });
  print(
    `Loaded ${explorer.store.totalSpans} spans from ${explorer.loaded.files} file(s) in ${values.traces}` +
      `\nTrace explorer: ${explorer.url}/` +
      `\nOTLP/HTTP:      ${explorer.url}/v1/traces (OTEL_EXPORTER_OTLP_ENDPOINT=${explorer.url})`,
  );
  const stop = (): void => {
    void explorer.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const code = await main(process.argv.slice(2));
  if (code !== undefined) process.exitCode = code;
}
