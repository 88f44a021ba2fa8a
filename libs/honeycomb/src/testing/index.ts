export { FakeHoneycomb, type RecordedRequest } from './fake-honeycomb.js';
export { checkRequest } from './api-schema.js';
