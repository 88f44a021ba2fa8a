export const LIBRARY_NAME = '@lift-sys/observability';
export const LIBRARY_VERSION = '0.1.0';
