import { mergeSummaries, summarizeProfile, type ProfileSummary } from '../profile/cpu-profile.js';
import { profileFile } from '../profile/cpu-profiler.js';
import type { ProfiledRun } from '../profile/profiled-run.js';
import type { SliceSettings } from '../profile/profiler.js';
import type { HttpFixture } from './http-apps.js';
import { APP_MODE_LABELS, LIGHT_ROUTE, type AppMode, type HttpSettings, type Route } from './http-result.js';
import { createSession, routeRequest } from './route-requests.js';

/**
 * Profiles two (already warm) apps under the benchmark's load on one route, in alternating
 * slices so drift in machine load falls on both alike; `units` counts requests sent.
 */
export async function profileAppPair(
  fixture: HttpFixture,
  [subjectMode, baselineMode]: [AppMode, AppMode],
  route: Route,
  settings: HttpSettings & SliceSettings,
  repoRoot: string,
): Promise<{ subject: ProfiledRun; baseline: ProfiledRun }> {
  const modes = [subjectMode, baselineMode];
  const sessions = await Promise.all(modes.map((mode) => (route === LIGHT_ROUTE ? '' : createSession(fixture.apps[mode]))));
  const summaries: ProfileSummary[][] = [[], []];
  const units = [0, 0];
  for (let slice = 0; slice < settings.slices; slice++) {
    for (const [i, mode] of modes.entries()) {
      const app = fixture.apps[mode];
      const file = profileFile(`app-${subjectMode}-vs-${baselineMode}-${route.split(' ')[0].toLowerCase()}-${mode}-${slice + 1}`);
      await app.startProfile();
      const load = await fixture.loads[mode].run(
        routeRequest(route, app, sessions[i], { connections: settings.connections, durationSeconds: settings.sliceSeconds }),
      );
      await app.stopProfile(file);
      summaries[i].push(summarizeProfile(file, repoRoot));
      units[i] += load.sent;
    }
  }
  const run = (i: number): ProfiledRun => ({
    label: APP_MODE_LABELS[modes[i]],
    summary: mergeSummaries(summaries[i]),
    units: units[i],
  });
  return { subject: run(0), baseline: run(1) };
}
