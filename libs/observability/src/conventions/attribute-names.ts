/** Attribute and event names the library itself writes, kept in one place. */
export const ATTR_ERROR = 'error';
export const ATTR_ERROR_TYPE = 'error.type';
export const ATTR_ENVIRONMENT = 'environment';
export const ATTR_REQUEST_ID = 'request.id';
export const ATTR_USER_ID = 'user.id';
export const ATTR_SAMPLE_RATE = 'SampleRate';
export const ATTR_CANCELLED = 'observability.cancelled';
export const ATTR_CALLBACK_ERROR = 'observability.callback_error';

export const ATTR_EXCEPTION_TYPE = 'exception.type';
export const ATTR_EXCEPTION_MESSAGE = 'exception.message';
export const ATTR_EXCEPTION_STACKTRACE = 'exception.stacktrace';
export const EVENT_EXCEPTION = 'exception';

export const RESOURCE_SERVICE_NAME = 'service.name';
export const RESOURCE_SERVICE_VERSION = 'service.version';
export const RESOURCE_SERVICE_INSTANCE_ID = 'service.instance.id';
export const RESOURCE_DEPLOYMENT_ENVIRONMENT = 'deployment.environment.name';

export const REDACTED_VALUE = '[REDACTED]';

/**
 * The span attribute keys the library itself may write, at run time, so tools that check
 * queries against emitted attributes (boards, triggers) can include them.
 */
export const LIBRARY_ATTRIBUTE_KEYS = [
  ATTR_ERROR,
  ATTR_ERROR_TYPE,
  ATTR_ENVIRONMENT,
  ATTR_REQUEST_ID,
  ATTR_USER_ID,
  ATTR_SAMPLE_RATE,
  ATTR_CANCELLED,
  ATTR_CALLBACK_ERROR,
  ATTR_EXCEPTION_TYPE,
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_STACKTRACE,
  'http.request.method',
  'http.request.method_original',
  'http.method',
  'http.route',
  'url.path',
  'url.query',
  'url.scheme',
  'server.address',
  'server.port',
  'client.address',
  'network.peer.address',
  'network.peer.port',
  'network.protocol.version',
  'http.response.status_code',
  'http.status_code',
  'user_agent.original',
  RESOURCE_SERVICE_NAME,
  RESOURCE_SERVICE_VERSION,
  RESOURCE_SERVICE_INSTANCE_ID,
  RESOURCE_DEPLOYMENT_ENVIRONMENT,
] as const;
