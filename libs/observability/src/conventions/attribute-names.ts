import {
  ATTR_CLIENT_ADDRESS,
  ATTR_CODE_FUNCTION_NAME,
  ATTR_ERROR_TYPE,
  ATTR_EXCEPTION_ESCAPED,
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_STACKTRACE,
  ATTR_EXCEPTION_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_METHOD_ORIGINAL,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PEER_ADDRESS,
  ATTR_NETWORK_PEER_PORT,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_HTTP_METHOD,
  ATTR_HTTP_STATUS_CODE,
  ATTR_SERVICE_INSTANCE_ID,
} from '@opentelemetry/semantic-conventions/incubating';

/**
 * Attribute and event names the library itself writes, kept in one place. Names the OpenTelemetry
 * semantic conventions define come from `@opentelemetry/semantic-conventions`; the others are the
 * library's own (the plan's names, where no convention exists).
 */
export {
  ATTR_CODE_FUNCTION_NAME,
  ATTR_ERROR_TYPE,
  ATTR_EXCEPTION_ESCAPED,
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_STACKTRACE,
  ATTR_EXCEPTION_TYPE,
};
export const ATTR_ERROR = 'error';
export const ATTR_ENVIRONMENT = 'environment';
export const ATTR_REQUEST_ID = 'request.id';
export const ATTR_USER_ID = 'user.id';
export const ATTR_SAMPLE_RATE = 'SampleRate';
export const ATTR_CANCELLED = 'observability.cancelled';
export const ATTR_CALLBACK_ERROR = 'observability.callback_error';

export const EVENT_EXCEPTION = 'exception';

export const RESOURCE_SERVICE_NAME = ATTR_SERVICE_NAME;
export const RESOURCE_SERVICE_VERSION = ATTR_SERVICE_VERSION;
export const RESOURCE_SERVICE_INSTANCE_ID = ATTR_SERVICE_INSTANCE_ID;
export const RESOURCE_DEPLOYMENT_ENVIRONMENT = ATTR_DEPLOYMENT_ENVIRONMENT_NAME;

export const REDACTED_VALUE = '[REDACTED]';

/**
 * The one declaration of every span attribute the library may write, with the type of its value.
 * The `SpanAttributeRegistry` type and `LIBRARY_ATTRIBUTE_KEYS` both derive from it.
 */
export const LIBRARY_SPAN_ATTRIBUTES = {
  [ATTR_ERROR]: 'boolean',
  [ATTR_ENVIRONMENT]: 'string',
  [ATTR_REQUEST_ID]: 'string',
  [ATTR_USER_ID]: 'string',
  [ATTR_SAMPLE_RATE]: 'number',
  [ATTR_CANCELLED]: 'boolean',
  [ATTR_CALLBACK_ERROR]: 'string',
  [ATTR_CODE_FUNCTION_NAME]: 'string',
  [ATTR_ERROR_TYPE]: 'string',
  [ATTR_EXCEPTION_TYPE]: 'string',
  [ATTR_EXCEPTION_MESSAGE]: 'string',
  [ATTR_EXCEPTION_STACKTRACE]: 'string',
  [ATTR_EXCEPTION_ESCAPED]: 'boolean',
  [ATTR_HTTP_REQUEST_METHOD]: 'string',
  [ATTR_HTTP_REQUEST_METHOD_ORIGINAL]: 'string',
  [ATTR_HTTP_METHOD]: 'string',
  [ATTR_HTTP_ROUTE]: 'string',
  [ATTR_URL_PATH]: 'string',
  [ATTR_URL_QUERY]: 'string',
  [ATTR_URL_SCHEME]: 'string',
  [ATTR_SERVER_ADDRESS]: 'string',
  [ATTR_SERVER_PORT]: 'number',
  [ATTR_CLIENT_ADDRESS]: 'string',
  [ATTR_NETWORK_PEER_ADDRESS]: 'string',
  [ATTR_NETWORK_PEER_PORT]: 'number',
  [ATTR_NETWORK_PROTOCOL_VERSION]: 'string',
  [ATTR_HTTP_RESPONSE_STATUS_CODE]: 'number',
  [ATTR_HTTP_STATUS_CODE]: 'number',
  [ATTR_USER_AGENT_ORIGINAL]: 'string',
} as const satisfies Record<string, AttributeTypeName>;

/** The resource attributes the library sets. */
export const LIBRARY_RESOURCE_ATTRIBUTES = {
  [RESOURCE_SERVICE_NAME]: 'string',
  [RESOURCE_SERVICE_VERSION]: 'string',
  [RESOURCE_SERVICE_INSTANCE_ID]: 'string',
  [RESOURCE_DEPLOYMENT_ENVIRONMENT]: 'string',
} as const satisfies Record<string, AttributeTypeName>;

export type AttributeTypeName = 'string' | 'number' | 'boolean';

/** The TypeScript type of each attribute in a declaration such as `LIBRARY_SPAN_ATTRIBUTES`. */
export type AttributeTypes<Declaration extends Record<string, AttributeTypeName>> = {
  -readonly [K in keyof Declaration]: Declaration[K] extends 'number'
    ? number
    : Declaration[K] extends 'boolean'
      ? boolean
      : string;
};

/**
 * Every attribute key the library itself may write, spans and resource, at run time, so tools that
 * check queries against emitted attributes (boards, triggers) can include them.
 */
export const LIBRARY_ATTRIBUTE_KEYS = [
  ...Object.keys(LIBRARY_SPAN_ATTRIBUTES),
  ...Object.keys(LIBRARY_RESOURCE_ATTRIBUTES),
] as readonly (keyof typeof LIBRARY_SPAN_ATTRIBUTES | keyof typeof LIBRARY_RESOURCE_ATTRIBUTES)[];
