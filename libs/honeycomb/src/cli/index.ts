/** The command-line entry points, for scripts and tests that drive them in-process. */
export { main as applyMain, APPLY_USAGE } from './apply.js';
export { main as queryMain, QUERY_USAGE } from './query.js';
export { processIo, type CliIo } from './io.js';
export { main as refineryMain, REFINERY_USAGE } from './refinery.js';
