import { LIBRARY_AREA, type FunctionTime, type ProfileSummary } from './profile/cpu-profile.js';
import type { ProfiledRun } from './profile/profiled-run.js';
import { remainingGaps, type ProfileOutcome } from './report/profile-section.js';
import type { AppProfileRequest, TargetCheck } from './report/targets.js';

const POST: AppProfileRequest = { type: 'app', mode: 'healthy', route: 'POST /api/spec-sessions', baseline: 'disabled' };
const GET: AppProfileRequest = { type: 'app', mode: 'healthy', route: 'GET /api/spec-sessions/:id', baseline: 'disabled' };

function target(name: string, met: boolean, explainedBy: TargetCheck['explainedBy']): TargetCheck {
  return { target: name, limit: '≤ 1.050x', measured: '1.250x (1.230 – 1.270)', met, decisive: true, explainedBy };
}

function run(label: string, units: number, areas: Record<string, number>, functions: FunctionTime[] = []): ProfiledRun {
  const summary: ProfileSummary = {
    busyMillis: Object.values(areas).reduce((sum, millis) => sum + millis, 0),
    areas: Object.entries(areas).map(([area, selfMillis]) => ({ area, selfMillis })),
    functions,
  };
  return { label, summary, units };
}

const libraryFunction = (name: string, selfMillis: number): FunctionTime => ({
  name,
  location: `libs/observability/src/${name}.ts:1`,
  area: LIBRARY_AREA,
  selfMillis,
});

// 100 requests each: 1 ms of profile time is 10 µs per request.
const postProfile: ProfileOutcome = {
  request: POST,
  reason: 'per-request cost of tracing',
  error: undefined,
  comparison: {
    subject: run(
      'traced',
      100,
      { '@opentelemetry/sdk-trace': 12, [LIBRARY_AREA]: 5, 'Node.js internals': 30, 'V8 / native': 9 },
      [libraryFunction('traced', 3), libraryFunction('runInServerSpan', 2)],
    ),
    baseline: run('disabled', 100, { [LIBRARY_AREA]: 1, 'Node.js internals': 28, 'V8 / native': 10 }),
  },
};

describe('the remaining gaps of the benchmark report', () => {
  it('explains each target not met from its profile: CPU added, the areas that grew most, the library share', () => {
    const text = remainingGaps(
      [target('CPU per request, POST', false, [POST]), target('CPU per request, met', true, [POST])],
      [postProfile],
    );
    expect(text).not.toContain('CPU per request, met');
    const entry = text.slice(text.indexOf('- **CPU per request, POST**'));
    expect(entry).toContain('1.250x (1.230 – 1.270) against ≤ 1.050x');
    // Busy 56 ms vs 39 ms over 100 requests: +170 µs per request.
    expect(entry).toContain('+170.0 µs/request over its baseline');
    // Areas that grew, largest first; the one that shrank (V8) is left out.
    expect(entry).toContain(
      'grew most: @opentelemetry/sdk-trace +120.0, @lift-sys/observability +40.0, Node.js internals +20.0;',
    );
    expect(entry).not.toContain('V8 / native');
    expect(entry).toContain("the library's own code 50.0 µs/request (`traced` 30.0, `runInServerSpan` 20.0)");
  });

  it('says so when the profile behind a target was not taken, or no profile explains it', () => {
    const text = remainingGaps([target('CPU per request, GET', false, [GET]), target('outage heap', false, [])], [postProfile]);
    expect(text).toContain(
      '"Profile: lift-sys app, traced, healthy OTLP sink vs tracing disabled, GET /api/spec-sessions/:id" was not taken in this run.',
    );
    expect(text).toContain('- **outage heap**: 1.250x (1.230 – 1.270) against ≤ 1.050x. No profile explains this target.');
  });

  it('names the Node version of a method profile, and only matches the profile taken on it', () => {
    const node20 = { type: 'micro', tracing: 'enabled', kind: 'sync', baseline: 'manual', node: 20 } as const;
    const onNode24: ProfileOutcome = { ...postProfile, request: { ...node20, node: 24 } };
    const text = remainingGaps([target('sync on Node 20', false, [node20])], [onNode24]);
    expect(text).toContain('"Profile: `@Traced` sync method vs manual startActiveSpan, tracing enabled, Node 20" was not taken');
  });

  it('reports when every target is met', () => {
    expect(remainingGaps([target('CPU per request, POST', true, [POST])], [postProfile])).toBe('Every target is met.');
  });
});
