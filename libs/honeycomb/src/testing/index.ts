export { FakeHoneycomb, type RecordedRequest } from './fake-honeycomb.js';
