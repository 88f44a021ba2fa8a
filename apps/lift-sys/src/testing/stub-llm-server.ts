import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  path: string;
  body: Record<string, unknown>;
}

export interface StubLlmServer {
  /** `http://127.0.0.1:<port>`: the Anthropic base URL; OpenAI-style clients need `${url}/v1`. */
  readonly url: string;
  readonly requests: StubRequest[];
  close(): Promise<void>;
}

export interface StubUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface StubLlmOptions {
  /**
   * Refuse every request with 401 in the API's error format, quoting the API key the request
   * carried (as a misconfigured gateway might): for tests that the key never reaches a span or log.
   */
  unauthorizedEchoingKey?: boolean;
}

/**
 * A local stand-in for the Anthropic Messages API and the OpenAI Chat Completions API, answering
 * in each API's documented format (JSON, or server-sent events when `stream` is set).
 */
export async function startStubLlmServer(
  answer: (request: StubRequest) => string,
  usage: StubUsage,
  options: StubLlmOptions = {},
): Promise<StubLlmServer> {
  const requests: StubRequest[] = [];
  const server = createServer((incoming, response) => {
    void readJson(incoming).then((body) => {
      const request = { path: incoming.url ?? '', body };
      requests.push(request);
      if (options.unauthorizedEchoingKey) return unauthorized(response, request.path, incoming);
      const text = answer(request);
      if (request.path === '/v1/messages') return anthropic(response, body, text, usage);
      if (request.path === '/v1/chat/completions') return openai(response, body, text, usage);
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'unknown path' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => closeServer(server) };
}

function anthropic(response: ServerResponse, body: Record<string, unknown>, text: string, usage: StubUsage): void {
  const model = String(body.model);
  if (body.stream !== true) {
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'msg_stub',
        type: 'message',
        role: 'assistant',
        model,
        content: [{ type: 'text', text }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens },
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const send = (type: string, data: Record<string, unknown>): void =>
    void response.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  send('message_start', {
    message: {
      id: 'msg_stub',
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: usage.inputTokens, output_tokens: 1 },
    },
  });
  send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
  for (const piece of pieces(text)) send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: piece } });
  send('content_block_stop', { index: 0 });
  send('message_delta', {
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: usage.outputTokens },
  });
  send('message_stop', {});
  response.end();
}

function openai(response: ServerResponse, body: Record<string, unknown>, text: string, usage: StubUsage): void {
  const base = { id: 'chatcmpl-stub', created: 1_700_000_000, model: String(body.model) };
  const totals = {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
  if (body.stream !== true) {
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        usage: totals,
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const send = (chunk: Record<string, unknown>): void =>
    void response.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', ...chunk })}\n\n`);
  send({ choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
  for (const piece of pieces(text)) send({ choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
  send({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
  if (streamOptions?.include_usage === true) send({ choices: [], usage: totals });
  response.end('data: [DONE]\n\n');
}

/**
 * 401 bodies as documented: Anthropic `{type: 'error', error: {type: 'authentication_error',
 * message}}` (docs.anthropic.com/en/api/errors); OpenAI `{error: {message, type, param, code:
 * 'invalid_api_key'}}` (platform.openai.com/docs/guides/error-codes).
 */
function unauthorized(response: ServerResponse, path: string, incoming: IncomingMessage): void {
  // Anthropic's SDK sends the key as `x-api-key` or, in recent versions, as a bearer token.
  const key = incoming.headers['x-api-key'] ?? /^Bearer (.+)$/.exec(incoming.headers.authorization ?? '')?.[1];
  const body =
    path === '/v1/messages'
      ? { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key: ${String(key)}` } }
      : {
          error: {
            message: `Incorrect API key provided: ${String(key)}.`,
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_api_key',
          },
        };
  response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function pieces(text: string): string[] {
  return text.match(/[\s\S]{1,16}/g) ?? [];
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
