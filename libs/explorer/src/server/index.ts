export { startExplorer, DEFAULTS, type Explorer, type ExplorerOptions } from './explorer-server.js';
export { TraceStore, type TraceFilter } from './trace-store.js';
export { main as exploreMain } from './cli.js';
export type * from '../shared/api-types.js';
