import { parseArgs } from 'node:util';
import { ApplyError, applyPlan } from '../api/apply-plan.js';
import { checkAuth } from '../api/auth.js';
import { HoneycombClient } from '../api/client.js';
import { computePlan } from '../api/plan.js';
import { formatPlanItem, summarizePlan } from '../api/plan-item.js';
import { fetchRemoteState } from '../api/remote-state.js';
import type { DefinitionsModule, HoneycombDefinitions } from '../spec/definitions.js';
import { SECRET_TARGET_TYPES } from '../spec/recipient.js';
import { formatProblem } from '../validation/problems.js';
import { validateDefinitions } from '../validation/validate-definitions.js';
import { exportDefinitions } from './export-definitions.js';
import { redacting, type CliIo } from './io.js';
import { loadDefinitions } from './load-definitions.js';

export const APPLY_USAGE =
  'usage: honeycomb-apply --definitions <module> [--dataset <name>] [--apply] [--delete-unmanaged] [--export <dir>]';

/**
 * Validates the definitions, then prints what would change in Honeycomb (one line per object) and
 * changes it only with --apply. --export <dir> writes the definitions as JSON instead, offline.
 * Env: HONEYCOMB_CONFIG_KEY, HONEYCOMB_DATASET, HONEYCOMB_API_ENDPOINT. Returns the exit code.
 */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  rawIo: CliIo,
  source?: DefinitionsModule,
): Promise<number> {
  const key = env['HONEYCOMB_CONFIG_KEY'];
  let io = redacting(rawIo, key);
  try {
    const { values: args } = parseArgs({
      args: [...argv],
      options: {
        definitions: { type: 'string' },
        dataset: { type: 'string' },
        export: { type: 'string' },
        apply: { type: 'boolean' },
        'delete-unmanaged': { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (args.help) {
      io.stdout(APPLY_USAGE);
      return 0;
    }
    const definitionsPath = args.definitions;
    if (!source && !definitionsPath) throw new Error(`no definitions given\n${APPLY_USAGE}`);
    const { definitions, declaredColumns } = source ?? (await loadDefinitions(definitionsPath!));
    io = redacting(io, ...secretTargets(definitions));

    const problems = validateDefinitions(definitions, { declaredColumns });
    if (problems.length > 0) {
      problems.forEach((p) => io.stderr(`invalid: ${formatProblem(p)}`));
      io.stderr(`${problems.length} problem(s) in the definitions; nothing was sent to Honeycomb.`);
      return 1;
    }
    const exportDir = args.export;
    if (exportDir) {
      for (const path of await exportDefinitions(definitions, exportDir)) io.stdout(`wrote ${path}`);
      return 0;
    }

    if (!key) throw new Error('HONEYCOMB_CONFIG_KEY is not set (a Honeycomb configuration key)');
    const dataset = args.dataset ?? env['HONEYCOMB_DATASET'];
    if (!dataset) throw new Error('no dataset: pass --dataset <name> or set HONEYCOMB_DATASET');
    const client = new HoneycombClient({
      apiKey: key,
      endpoint: env['HONEYCOMB_API_ENDPOINT'],
      fetch: rawIo.fetch,
      sleep: rawIo.sleep,
    });

    const auth = await checkAuth(client, definitions);
    io.stdout(`Honeycomb team "${auth.team?.name ?? '?'}", environment "${auth.environment?.name ?? '?'}", dataset "${dataset}"`);
    const remote = await fetchRemoteState(client, dataset, definitions);
    const plan = computePlan(definitions, remote, { dataset, deleteUnmanaged: args['delete-unmanaged'] === true });
    for (const item of plan.items) {
      if (item.action === 'skip') io.stderr(`warning: ${formatPlanItem(item)}`);
      else io.stdout(formatPlanItem(item));
    }
    io.stdout(summarizePlan(plan.items));

    if (!args.apply) {
      if (plan.items.some((i) => i.execute)) io.stdout('Dry run: nothing was changed. Run with --apply to make these changes.');
      return 0;
    }
    let applied = 0;
    await applyPlan(plan, client, () => applied++);
    io.stdout(`Applied ${applied} change(s).`);
    return 0;
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}`);
    if (error instanceof ApplyError) reportPartialApply(error, io);
    return 1;
  }
}

/** PagerDuty keys and webhook URLs: never printed, whatever an error message echoes back. */
const secretTargets = (defs: HoneycombDefinitions): string[] =>
  (defs.recipients ?? []).filter((r) => SECRET_TARGET_TYPES.has(r.type)).map((r) => r.target);

/** Exactly what reached Honeycomb and what did not, and how to finish. */
function reportPartialApply(error: ApplyError, io: CliIo): void {
  io.stderr(`Applied before the failure: ${error.applied.length} change(s).`);
  error.applied.forEach((item) => io.stderr(`  done    ${formatPlanItem(item)}`));
  io.stderr(`Not applied: ${error.notApplied.length} change(s).`);
  error.notApplied.forEach((item, i) => io.stderr(`  ${i === 0 ? 'failed ' : 'pending'} ${formatPlanItem(item)}`));
  io.stderr('Fix the cause and run apply again: it plans from what Honeycomb now has and finishes the job.');
}
