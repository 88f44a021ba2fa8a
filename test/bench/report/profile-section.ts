import { APP_MODE_LABELS, LIGHT_ROUTE } from '../http/http-result.js';
import { VARIANT_LABELS } from '../micro/targets/bench-target.js';
import { LIBRARY_AREA, type FunctionTime } from '../profile/cpu-profile.js';
import type { ProfiledRun } from '../profile/profiled-run.js';
import { fixed, signed, table } from './markdown.js';
import { sameProfile, type PlannedProfile, type ProfileRequest, type TargetCheck } from './targets.js';

export interface ProfileOutcome extends PlannedProfile {
  comparison: { subject: ProfiledRun; baseline: ProfiledRun } | undefined;
  /** Why no profile could be taken. */
  error: string | undefined;
}

const ROWS = 8;

export function profileTitle(request: ProfileRequest): string {
  return request.type === 'micro'
    ? `\`@Traced\` ${request.kind} method vs ${VARIANT_LABELS[request.baseline]}, tracing ${request.tracing}, Node ${request.node}`
    : `${request.route === LIGHT_ROUTE ? 'light fixture' : 'lift-sys app'}, ${APP_MODE_LABELS[request.mode]} vs ${APP_MODE_LABELS[request.baseline]}, ${request.route}`;
}

export function profilesSection(outcomes: ProfileOutcome[]): string {
  if (outcomes.length === 0) return 'No profile was taken.';
  return [hotSpots(outcomes), ...outcomes.map(profileBlock)].join('\n\n');
}

/** A profile and its baseline, per unit of work (a call or a request). */
interface ProfileComparison {
  unit: string;
  subject: ProfiledRun;
  baseline: ProfiledRun;
  busySubject: number;
  busyBaseline: number;
  /** Self time per area in both, largest increase first. */
  areas: { area: string; before: number; after: number }[];
  /** The library's functions in the subject, costliest first. */
  library: { entry: FunctionTime; time: number }[];
  /** Functions whose self time grew, largest increase first. */
  growth: { entry: FunctionTime; difference: number }[];
}

function compare(request: ProfileRequest, subject: ProfiledRun, baseline: ProfiledRun): ProfileComparison {
  const unit = request.type === 'micro' ? { name: 'ns/call', scale: 1e6 } : { name: 'µs/request', scale: 1e3 };
  const per = (run: ProfiledRun, millis: number): number => (millis * unit.scale) / run.units;
  const areaTime = (run: ProfiledRun, area: string): number =>
    per(run, run.summary.areas.find((entry) => entry.area === area)?.selfMillis ?? 0);
  const areas = [...new Set([...subject.summary.areas, ...baseline.summary.areas].map((entry) => entry.area))]
    .map((area) => ({ area, before: areaTime(baseline, area), after: areaTime(subject, area) }))
    .sort((a, b) => b.after - b.before - (a.after - a.before));
  const key = (entry: FunctionTime): string => `${entry.name}@${entry.location}`;
  const before = new Map(baseline.summary.functions.map((entry) => [key(entry), per(baseline, entry.selfMillis)]));
  return {
    unit: unit.name,
    subject,
    baseline,
    busySubject: per(subject, subject.summary.busyMillis),
    busyBaseline: per(baseline, baseline.summary.busyMillis),
    areas,
    library: subject.summary.functions
      .filter((entry) => entry.area === LIBRARY_AREA)
      .map((entry) => ({ entry, time: per(subject, entry.selfMillis) })),
    growth: subject.summary.functions
      .map((entry) => ({ entry, difference: per(subject, entry.selfMillis) - (before.get(key(entry)) ?? 0) }))
      .sort((a, b) => b.difference - a.difference),
  };
}

const comparisonOf = ({ request, comparison }: ProfileOutcome): ProfileComparison | undefined =>
  comparison && compare(request, comparison.subject, comparison.baseline);

const librarySelf = (profile: ProfileComparison): number => profile.areas.find((row) => row.area === LIBRARY_AREA)?.after ?? 0;

/** One line per profile: CPU added over the baseline, the library's own share, and its three costliest functions. */
function hotSpots(outcomes: ProfileOutcome[]): string {
  const rows = outcomes.flatMap((outcome) => {
    const profile = comparisonOf(outcome);
    if (profile === undefined) return [];
    return [
      [
        profileTitle(outcome.request),
        `${signed(profile.busySubject - profile.busyBaseline)} ${profile.unit}`,
        `${fixed(librarySelf(profile))} ${profile.unit}`,
        costliestLibraryFunctions(profile),
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

function costliestLibraryFunctions(profile: ProfileComparison): string {
  return profile.library
    .slice(0, 3)
    .map(({ entry, time }) => `\`${entry.name}\` ${fixed(time)}`)
    .join(', ');
}

function profileBlock(outcome: ProfileOutcome): string {
  const { request, reason, error } = outcome;
  const heading = `### Profile: ${profileTitle(request)}\n\nWhy: ${reason}.`;
  const profile = comparisonOf(outcome);
  if (profile === undefined) return `${heading}\n\nNo profile: ${error ?? 'unknown error'}`;
  const { subject, baseline, unit } = profile;
  return [
    heading,
    '',
    `CPU per unit of work: ${baseline.label} ${fixed(profile.busyBaseline)} ${unit}, ${subject.label} ${fixed(profile.busySubject)} ${unit} ` +
      `(${signed(profile.busySubject - profile.busyBaseline)}); of which self time in \`${LIBRARY_AREA}\`: ${fixed(librarySelf(profile))} ${unit}. ` +
      `Profiled in alternating slices: ${subject.units} and ${baseline.units} ${request.type === 'micro' ? 'calls' : 'requests'}.`,
    '',
    table(
      ['code', `${baseline.label} (${unit})`, `${subject.label} (${unit})`, 'difference'],
      profile.areas.slice(0, ROWS).map((row) => [row.area, fixed(row.before), fixed(row.after), signed(row.after - row.before)]),
    ),
    '',
    `Library functions by self time (${subject.label}):`,
    '',
    functionTable(
      profile.library.slice(0, ROWS).map(({ entry, time }) => ({ entry, value: fixed(time) })),
      unit,
    ),
    '',
    'Functions whose self time grew the most:',
    '',
    functionTable(
      profile.growth.slice(0, ROWS).map(({ entry, difference }) => ({ entry, value: signed(difference) })),
      `difference (${unit})`,
    ),
  ].join('\n');
}

/**
 * For every target not met, where its cost goes according to the profiles that explain it: the
 * CPU they add over their baseline, the areas that grew most, and the library's own share.
 */
export function remainingGaps(targets: TargetCheck[], outcomes: ProfileOutcome[]): string {
  const missed = targets.filter((check) => !check.met);
  if (missed.length === 0) return 'Every target is met.';
  const lines = missed.map((check) => {
    const head = `- **${check.target}**: ${check.measured} against ${check.limit}.`;
    if (check.explainedBy.length === 0) return `${head} No profile explains this target.`;
    const explained = check.explainedBy.map((request) => {
      const outcome = outcomes.find((candidate) => sameProfile(candidate.request, request));
      const profile = outcome && comparisonOf(outcome);
      if (profile === undefined) return `  - "Profile: ${profileTitle(request)}" was not taken in this run.`;
      const grew = profile.areas
        .filter((row) => row.after > row.before)
        .slice(0, 5)
        .map((row) => `${row.area} ${signed(row.after - row.before)}`)
        .join(', ');
      return (
        `  - "Profile: ${profileTitle(request)}": ${signed(profile.busySubject - profile.busyBaseline)} ${profile.unit} over its baseline; ` +
        `grew most: ${grew}; the library's own code ${fixed(librarySelf(profile))} ${profile.unit} (${costliestLibraryFunctions(profile) || 'none sampled'}).`
      );
    });
    return [head, ...explained].join('\n');
  });
  return [
    'Where the cost behind each target not met goes, from the CPU profiles in section 5. Profiles take one app or method at a time, so their totals differ from the side-by-side figures: read them for where the time goes, not for the ratio.',
    '',
    ...lines,
  ].join('\n');
}

function functionTable(rows: { entry: FunctionTime; value: string }[], valueHeader: string): string {
  if (rows.length === 0) return '_none sampled_';
  return table(
    ['function', 'where', 'code', valueHeader],
    rows.map(({ entry, value }) => [`\`${entry.name}\``, entry.location ? `\`${entry.location}\`` : '', entry.area, value]),
  );
}
