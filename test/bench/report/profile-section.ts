import { APP_MODE_LABELS } from '../http/http-result.js';
import { VARIANT_LABELS } from '../micro/targets/bench-target.js';
import { LIBRARY_AREA, type FunctionTime } from '../profile/cpu-profile.js';
import type { ProfiledRun } from '../profile/profiled-run.js';
import { fixed, signed, table } from './markdown.js';
import type { PlannedProfile, ProfileRequest } from './targets.js';

export interface ProfileOutcome extends PlannedProfile {
  comparison: { subject: ProfiledRun; baseline: ProfiledRun } | undefined;
  /** Why no profile could be taken. */
  error: string | undefined;
}

const ROWS = 8;

export function profileTitle(request: ProfileRequest): string {
  return request.type === 'micro'
    ? `\`@Traced\` ${request.kind} method vs ${VARIANT_LABELS[request.baseline]}, tracing ${request.tracing}`
    : `${request.route === 'GET /api/orders/:sku' ? 'light fixture' : 'lift-sys app'}, ${APP_MODE_LABELS[request.mode]} vs ${APP_MODE_LABELS[request.baseline]}, ${request.route}`;
}

export function profilesSection(outcomes: ProfileOutcome[]): string {
  if (outcomes.length === 0) return 'No profile was taken.';
  return [hotSpots(outcomes), ...outcomes.map(profileBlock)].join('\n\n');
}

/** One line per profile: CPU added over the baseline, the library's own share, and its three costliest functions. */
function hotSpots(outcomes: ProfileOutcome[]): string {
  const rows = outcomes.flatMap(({ request, comparison }) => {
    if (comparison === undefined) return [];
    const { subject, baseline } = comparison;
    const unit = unitOf(request);
    const per = (run: ProfiledRun, millis: number): number => (millis * unit.scale) / run.units;
    const library = subject.summary.functions.filter((entry) => entry.area === LIBRARY_AREA);
    const librarySelf = library.reduce((sum, entry) => sum + per(subject, entry.selfMillis), 0);
    return [
      [
        profileTitle(request),
        `${signed(per(subject, subject.summary.busyMillis) - per(baseline, baseline.summary.busyMillis))} ${unit.name}`,
        `${fixed(librarySelf)} ${unit.name}`,
        library
          .slice(0, 3)
          .map((entry) => `\`${entry.name}\` ${fixed(per(subject, entry.selfMillis))}`)
          .join(', '),
      ],
    ];
  });
  return [
    '### Hot spots',
    '',
    table(['profile', 'CPU added over baseline', 'self time in the library', 'costliest library functions (self time)'], rows),
    '',
    "The library's own functions are only part of what tracing costs: the rest is the OpenTelemetry SDK (span creation, the batch processor, OTLP encoding), context propagation and the garbage collector, broken down per profile below.",
  ].join('\n');
}

function unitOf(request: ProfileRequest): { name: string; scale: number } {
  return request.type === 'micro' ? { name: 'ns/call', scale: 1e6 } : { name: 'µs/request', scale: 1e3 };
}

function profileBlock({ request, reason, comparison, error }: ProfileOutcome): string {
  const heading = `### Profile: ${profileTitle(request)}\n\nWhy: ${reason}.`;
  if (comparison === undefined) return `${heading}\n\nNo profile: ${error ?? 'unknown error'}`;
  const { subject, baseline } = comparison;
  const unit = unitOf(request);
  const per = (run: ProfiledRun, millis: number): number => (millis * unit.scale) / run.units;
  const areaTime = (run: ProfiledRun, area: string): number =>
    per(run, run.summary.areas.find((entry) => entry.area === area)?.selfMillis ?? 0);
  const areas = [...new Set([...subject.summary.areas, ...baseline.summary.areas].map((entry) => entry.area))]
    .map((area) => ({ area, before: areaTime(baseline, area), after: areaTime(subject, area) }))
    .sort((a, b) => b.after - b.before - (a.after - a.before));
  const busySubject = per(subject, subject.summary.busyMillis);
  const busyBaseline = per(baseline, baseline.summary.busyMillis);
  return [
    heading,
    '',
    `CPU per unit of work: ${baseline.label} ${fixed(busyBaseline)} ${unit.name}, ${subject.label} ${fixed(busySubject)} ${unit.name} ` +
      `(${signed(busySubject - busyBaseline)}); of which self time in \`${LIBRARY_AREA}\`: ${fixed(areaTime(subject, LIBRARY_AREA))} ${unit.name}. ` +
      `Profiled in alternating slices: ${subject.units} and ${baseline.units} ${request.type === 'micro' ? 'calls' : 'requests'}.`,
    '',
    table(
      ['code', `${baseline.label} (${unit.name})`, `${subject.label} (${unit.name})`, 'difference'],
      areas.slice(0, ROWS).map((row) => [row.area, fixed(row.before), fixed(row.after), signed(row.after - row.before)]),
    ),
    '',
    `Library functions by self time (${subject.label}):`,
    '',
    functionTable(
      subject.summary.functions
        .filter((entry) => entry.area === LIBRARY_AREA)
        .slice(0, ROWS)
        .map((entry) => ({ entry, value: fixed(per(subject, entry.selfMillis)) })),
      unit.name,
    ),
    '',
    'Functions whose self time grew the most:',
    '',
    functionTable(
      growth(subject, baseline, per)
        .slice(0, ROWS)
        .map(({ entry, difference }) => ({ entry, value: signed(difference) })),
      `difference (${unit.name})`,
    ),
  ].join('\n');
}

/** Per-unit self time of each function in the subject minus the baseline's, largest increase first. */
function growth(
  subject: ProfiledRun,
  baseline: ProfiledRun,
  per: (run: ProfiledRun, millis: number) => number,
): { entry: FunctionTime; difference: number }[] {
  const key = (entry: FunctionTime): string => `${entry.name}@${entry.location}`;
  const before = new Map(baseline.summary.functions.map((entry) => [key(entry), per(baseline, entry.selfMillis)]));
  return subject.summary.functions
    .map((entry) => ({ entry, difference: per(subject, entry.selfMillis) - (before.get(key(entry)) ?? 0) }))
    .sort((a, b) => b.difference - a.difference);
}

function functionTable(rows: { entry: FunctionTime; value: string }[], valueHeader: string): string {
  if (rows.length === 0) return '_none sampled_';
  return table(
    ['function', 'where', 'code', valueHeader],
    rows.map(({ entry, value }) => [`\`${entry.name}\``, entry.location ? `\`${entry.location}\`` : '', entry.area, value]),
  );
}
