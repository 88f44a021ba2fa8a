/**
 * The parts of OpenAI's Chat Completions request body this service reads
 * (https://platform.openai.com/docs/api-reference/chat/create), checked by hand so a bad body gets
 * the 400 `invalid_request_error` OpenAI-compatible servers (vLLM) answer with.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'developer' | 'tool';
  content: string;
}

export interface ChatCompletionRequest {
  model: string;
  messages: ChatMessage[];
  max_tokens?: number;
  stream?: boolean;
  response_format?: { type: 'text' | 'json_object' };
  metadata?: Record<string, string>;
}

export class InvalidRequestError extends Error {
  constructor(
    message: string,
    readonly param: string | null,
  ) {
    super(message);
  }
}

const ROLES = new Set(['system', 'user', 'assistant', 'developer', 'tool']);

/**
 * `metadata`: at most 16 pairs, keys up to 64 characters, string values up to 512
 * (https://platform.openai.com/docs/api-reference/chat/create#chat-create-metadata).
 */
function parseMetadata(metadata: unknown): Record<string, string> | undefined {
  if (metadata === undefined || metadata === null) return undefined;
  if (typeof metadata !== 'object' || Array.isArray(metadata))
    throw new InvalidRequestError('`metadata` must be an object of string values.', 'metadata');
  const entries = Object.entries(metadata);
  if (entries.length > 16) throw new InvalidRequestError('`metadata` holds at most 16 pairs.', 'metadata');
  for (const [key, value] of entries) {
    if (key.length > 64) throw new InvalidRequestError('`metadata` keys are at most 64 characters.', 'metadata');
    if (typeof value !== 'string' || value.length > 512)
      throw new InvalidRequestError(`\`metadata.${key}\` must be a string of at most 512 characters.`, 'metadata');
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

export function parseChatCompletionRequest(body: unknown): ChatCompletionRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidRequestError('The body must be a JSON object.', null);
  const { model, messages, max_tokens, stream, response_format, metadata } = body as Record<string, unknown>;
  if (typeof model !== 'string' || model === '')
    throw new InvalidRequestError('`model` is required and must be a string.', 'model');
  if (!Array.isArray(messages) || messages.length === 0)
    throw new InvalidRequestError('`messages` must be a non-empty array.', 'messages');
  messages.forEach((message: unknown, index) => {
    const { role, content } = (message ?? {}) as Record<string, unknown>;
    if (typeof role !== 'string' || !ROLES.has(role))
      throw new InvalidRequestError(`messages[${index}].role is not a known role.`, `messages[${index}].role`);
    if (typeof content !== 'string')
      throw new InvalidRequestError(`messages[${index}].content must be a string.`, `messages[${index}].content`);
  });
  if (max_tokens !== undefined && max_tokens !== null && (!Number.isInteger(max_tokens) || (max_tokens as number) < 1)) {
    throw new InvalidRequestError('`max_tokens` must be a positive integer.', 'max_tokens');
  }
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean')
    throw new InvalidRequestError('`stream` must be a boolean.', 'stream');
  const format = (response_format as { type?: unknown } | undefined)?.type;
  if (response_format !== undefined && response_format !== null && format !== 'text' && format !== 'json_object') {
    throw new InvalidRequestError('`response_format.type` must be "text" or "json_object".', 'response_format');
  }
  const pairs = parseMetadata(metadata);
  return {
    model,
    messages: messages as ChatMessage[],
    ...(typeof max_tokens === 'number' ? { max_tokens } : {}),
    ...(stream === true ? { stream } : {}),
    ...(format === 'json_object' || format === 'text' ? { response_format: { type: format } } : {}),
    ...(pairs ? { metadata: pairs } : {}),
  };
}
