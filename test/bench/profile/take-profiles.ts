import { profileAppPair } from '../http/app-profile.js';
import type { HttpFixture } from '../http/http-apps.js';
import type { HttpSettings } from '../http/http-result.js';
import type { ProfileOutcome } from '../report/profile-section.js';
import type { PlannedProfile, ProfileRequest } from '../report/targets.js';
import { profileMicroPair, type SliceSettings } from './profiler.js';

export interface ProfileContext {
  fixture: HttpFixture;
  http: HttpSettings;
  micro: SliceSettings;
  app: SliceSettings;
  repoRoot: string;
  childEnv: (extra?: NodeJS.ProcessEnv) => NodeJS.ProcessEnv;
  /** The Node binary of a major version, for method profiles on another version than the run's. */
  nodeBinary: (major: number) => string;
  progress: (line: string) => void;
}

/** Profiles `@Traced` (or a traced app) against its baseline for each planned profile; a failure is reported, not fatal. */
export async function takeProfiles(planned: PlannedProfile[], context: ProfileContext): Promise<ProfileOutcome[]> {
  const outcomes: ProfileOutcome[] = [];
  for (const { request, reason } of planned) {
    context.progress(`profiling ${describe(request)}`);
    try {
      const comparison =
        request.type === 'micro'
          ? await profileMicroPair(request, request.baseline, context.micro, context.repoRoot, {
              env: context.childEnv(request.tracing === 'disabled' ? { HONEYCOMB_ENABLED: 'false' } : {}),
              execPath: context.nodeBinary(request.node),
            })
          : await profileAppPair(
              context.fixture,
              [request.mode, request.baseline],
              request.route,
              { ...context.http, ...context.app },
              context.repoRoot,
            );
      outcomes.push({ request, reason, comparison, error: undefined });
    } catch (error) {
      outcomes.push({ request, reason, comparison: undefined, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}

function describe(request: ProfileRequest): string {
  return request.type === 'micro'
    ? `@Traced ${request.kind} vs ${request.baseline}, tracing ${request.tracing}, Node ${request.node}`
    : `app ${request.mode} vs ${request.baseline} on ${request.route}`;
}
