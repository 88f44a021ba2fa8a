import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { refineryConfig, refineryRules } from '../refinery/refinery-files.js';
import { samplingPolicyFrom, type SamplingOptions } from '../refinery/sampling-policy.js';
import { checkRefineryConfig, checkRefineryRules } from '../refinery/validate-refinery.js';
import { processIo, type CliIo } from './io.js';

export const REFINERY_USAGE =
  'usage: honeycomb-refinery [--options <module>[#export]] [--sample-rate <n>] [--slow-threshold-ms <ms>] [--target <environment>] [--out <dir>]';

export const RULES_FILE = 'rules.yaml';
export const CONFIG_FILE = 'config.yaml';

/** Quoted values, as Refinery's own examples write operators (`Operator: '='`), so no YAML reader reads `=` as anything but a string. */
const YAML_STYLE = { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN' } as const;

const HEADER = (what: string): string =>
  `# Refinery ${what}, written by honeycomb-refinery from the sampling rules the services apply in-process.\n`;

/**
 * Writes the Refinery v2 rules file and config fragment for the sampling rules a service runs
 * with: from a module's observability options (`sampleRate`, `tailSampling`), HONEYCOMB_SAMPLE_RATE
 * and the flags, in rising precedence. Both files are checked against Refinery's schema first;
 * nothing is written if either fails. Returns the exit code.
 */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: CliIo = processIo,
): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        options: { type: 'string' },
        'sample-rate': { type: 'string' },
        'slow-threshold-ms': { type: 'string' },
        target: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout(REFINERY_USAGE);
      return 0;
    }
    const options: SamplingOptions = values.options ? await loadOptions(values.options) : {};
    const rate = values['sample-rate'];
    const slow = values['slow-threshold-ms'];
    const policy = samplingPolicyFrom(
      {
        ...options,
        ...(rate !== undefined ? { sampleRate: wholeNumber('--sample-rate', rate) } : {}),
        ...(slow !== undefined
          ? { tailSampling: { ...(options.tailSampling || {}), slowThresholdMillis: wholeNumber('--slow-threshold-ms', slow) } }
          : {}),
      },
      rate !== undefined ? {} : env,
    );
    const rules = refineryRules(policy, values.target);
    const config = refineryConfig(policy);
    const problems = [
      ...checkRefineryRules(rules).map((p) => `${RULES_FILE}: ${p}`),
      ...checkRefineryConfig(config).map((p) => `${CONFIG_FILE}: ${p}`),
    ];
    if (problems.length > 0) {
      problems.forEach((p) => io.stderr(`invalid: ${p}`));
      return 1;
    }
    const rendered = [
      [RULES_FILE, HEADER('rules') + stringify(rules, YAML_STYLE)],
      [CONFIG_FILE, HEADER('config fragment') + stringify(config, YAML_STYLE)],
    ] as const;
    if (!values.out) {
      rendered.forEach(([file, text]) => io.stdout(`--- # ${file}\n${text}`));
    } else {
      await mkdir(values.out, { recursive: true });
      for (const [file, text] of rendered) {
        await writeFile(join(values.out, file), text);
        io.stdout(`wrote ${join(values.out, file)}`);
      }
    }
    if (policy.sampleRate > 1) {
      io.stderr(`note: with Refinery sampling, run the services with HONEYCOMB_SAMPLE_RATE=1 so traces are not sampled twice.`);
    }
    return 0;
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}`);
    return 1;
  }
}

function wholeNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new Error(`${flag} takes a whole number, not ${value}`);
  return n;
}

/** `path/to/module.js#EXPORT` (default export name `observabilityOptions`). */
async function loadOptions(spec: string): Promise<SamplingOptions> {
  const [path, name = 'observabilityOptions'] = spec.split('#') as [string, string | undefined];
  const mod = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  const options = mod[name];
  if (typeof options !== 'object' || options === null) throw new Error(`${path} exports no object named ${name}`);
  return options as SamplingOptions;
}
