import type { ProfileSummary } from './cpu-profile.js';

/** A CPU profile and how much work it covered (calls of a method, or HTTP requests). */
export interface ProfiledRun {
  /** What ran, as the report names it. */
  label: string;
  summary: ProfileSummary;
  units: number;
}
