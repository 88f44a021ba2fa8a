export const LANGUAGES = ['typescript', 'rust', 'go', 'java', 'python', 'zig', 'cpp'] as const;
export type Language = (typeof LANGUAGES)[number];
