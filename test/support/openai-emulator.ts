// A loopback server that answers POST /v1/chat/completions in OpenAI's wire format, so tests can
// drive the real openai client. Each request takes the next scripted reply (or the default one);
// every request is recorded for assertions.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface EmulatorUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export type ScriptedReply =
  | {
      type: 'completion';
      content: string | null;
      refusal?: string | null;
      finishReason?: 'stop' | 'length' | 'content_filter';
      usage?: Partial<EmulatorUsage>;
      delayMs?: number;
    }
  | {
      type: 'error';
      status: number;
      message: string;
      errorType: string;
      code?: string | null;
      param?: string | null;
      headers?: Record<string, string>;
      delayMs?: number;
    };

/** Builders for the replies a test scripts. */
export const reply = {
  /** A well-formed structured reply: `value` serialised as the message content. */
  json(value: unknown, usage?: Partial<EmulatorUsage>): ScriptedReply {
    return { type: 'completion', content: JSON.stringify(value), usage };
  },
  /** Raw message content, for invalid JSON or anything else a model might emit. */
  text(content: string, usage?: Partial<EmulatorUsage>): ScriptedReply {
    return { type: 'completion', content, usage };
  },
  refusal(message = "I'm sorry, but I can't help with that request."): ScriptedReply {
    return { type: 'completion', content: null, refusal: message };
  },
  /** The model ran out of output tokens: truncated content, finish_reason "length". */
  length(partialContent = '{"changes": [{"person": "Jane'): ScriptedReply {
    return { type: 'completion', content: partialContent, finishReason: 'length' };
  },
  rateLimit(retryAfterSeconds: number): ScriptedReply {
    return {
      type: 'error',
      status: 429,
      message: 'Rate limit reached for requests. Please try again later.',
      errorType: 'requests',
      code: 'rate_limit_exceeded',
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': `${retryAfterSeconds}s`,
      },
    };
  },
  serverError(status = 500): ScriptedReply {
    return {
      type: 'error',
      status,
      message: 'The server had an error while processing your request. Sorry about that!',
      errorType: 'server_error',
    };
  },
  /** Any reply, answered only after `ms` (to outlast the client's timeout). */
  slow(ms: number, then: ScriptedReply): ScriptedReply {
    return { ...then, delayMs: ms };
  },
};

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body (undefined when the body was not JSON). */
  body: ChatRequestBody | undefined;
  receivedAt: number;
}

export interface ChatRequestBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  response_format?: { type: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } };
  [key: string]: unknown;
}

export interface OpenAIEmulatorOptions {
  /** false: behave like a server without Structured Outputs (400 on json_schema). */
  supportsJsonSchema?: boolean;
  /** The API key the server accepts (default: any non-empty Bearer token). */
  apiKey?: string;
  /** The reply when nothing is scripted (default: `{"changes": []}`). */
  defaultReply?: (request: RecordedRequest) => ScriptedReply;
}

export interface OpenAIEmulator {
  /** What to pass as the client's baseURL: `http://127.0.0.1:PORT/v1`. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Chat-completion requests only (those that reached the scripted part). */
  completionRequests(): RecordedRequest[];
  enqueue(...replies: ScriptedReply[]): void;
  /** The most chat-completion requests that were open at the same moment. */
  maxConcurrent(): number;
  /** Replies scripted but not yet used. */
  pending(): number;
  close(): Promise<void>;
}

function errorBody(message: string, type: string, param: string | null = null, code: string | null = null) {
  return { error: { message, type, param, code } };
}

function messageText(messages: ChatRequestBody['messages']): string {
  return (messages ?? [])
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n');
}

/** Roughly what a BPE tokenizer gives for English: enough for usage fields to be plausible. */
function roughTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The checks OpenAI applies to a strict json_schema: every object closes additionalProperties and
 * lists every property as required. Returns the first violation, as the real server words it.
 */
function strictSchemaViolation(schema: unknown, path: string[] = []): string | null {
  if (!schema || typeof schema !== 'object') return null;
  const node = schema as Record<string, unknown>;
  const where = `context=(${path.map((p) => `'${p}'`).join(', ')})`;
  if (node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'))) {
    const props = (node.properties ?? {}) as Record<string, unknown>;
    if (node.additionalProperties !== false) {
      return `In ${where}, 'additionalProperties' is required to be supplied and to be false.`;
    }
    const required = Array.isArray(node.required) ? (node.required as string[]) : [];
    const missing = Object.keys(props).filter((k) => !required.includes(k));
    if (missing.length > 0) {
      return `In ${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
    }
    for (const [key, sub] of Object.entries(props)) {
      const v = strictSchemaViolation(sub, [...path, 'properties', key]);
      if (v) return v;
    }
  }
  for (const key of ['items', 'anyOf', '$defs', 'definitions'] as const) {
    const sub = node[key];
    if (!sub) continue;
    const children = Array.isArray(sub) ? sub.map((s, i) => [String(i), s] as const)
      : key === 'items' ? [['items', sub] as const]
        : Object.entries(sub as Record<string, unknown>);
    for (const [name, child] of children) {
      const v = strictSchemaViolation(child, [...path, key, name]);
      if (v) return v;
    }
  }
  return null;
}

export async function startOpenAIEmulator(options: OpenAIEmulatorOptions = {}): Promise<OpenAIEmulator> {
  const supportsJsonSchema = options.supportsJsonSchema ?? true;
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const defaultReply = options.defaultReply ?? (() => reply.json({ changes: [] }));
  let open = 0;
  let maxOpen = 0;

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-request-id': `req_${randomBytes(16).toString('hex')}`,
      'openai-processing-ms': '12',
      'openai-version': '2020-10-01',
      ...headers,
    });
    res.end(JSON.stringify(body));
  }

  function answer(res: ServerResponse, request: RecordedRequest, scripted: ScriptedReply): void {
    if (scripted.type === 'error') {
      send(res, scripted.status, errorBody(scripted.message, scripted.errorType, scripted.param ?? null,
        scripted.code ?? null), scripted.headers);
      return;
    }
    const body = request.body ?? {};
    const promptTokens = scripted.usage?.prompt_tokens ?? roughTokens(messageText(body.messages)) + 7;
    const completionTokens = scripted.usage?.completion_tokens
      ?? roughTokens(scripted.content ?? scripted.refusal ?? '');
    send(res, 200, {
      id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? 'unknown',
      choices: [{
        index: 0,
        message: {
          role: 'assistant',
          content: scripted.content,
          refusal: scripted.refusal ?? null,
          annotations: [],
        },
        logprobs: null,
        finish_reason: scripted.finishReason ?? 'stop',
      }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0,
        },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_emulator',
    });
  }

  /** The request-level validation a real server does before the model runs; null when valid. */
  function rejectRequest(req: IncomingMessage, raw: string, body: ChatRequestBody | undefined):
    { status: number; body: unknown } | null {
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (!token || (options.apiKey !== undefined && token !== options.apiKey)) {
      return { status: 401, body: errorBody('Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', null, 'invalid_api_key') };
    }
    if (!body) {
      return { status: 400, body: errorBody(`We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.) Received: ${raw.slice(0, 40)}`, 'invalid_request_error') };
    }
    if (!body.model) {
      return { status: 400, body: errorBody('you must provide a model parameter', 'invalid_request_error') };
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return { status: 400, body: errorBody("Missing required parameter: 'messages'.", 'invalid_request_error', 'messages', 'missing_required_parameter') };
    }
    const format = body.response_format;
    if (format?.type === 'json_schema') {
      if (!supportsJsonSchema) {
        return { status: 400, body: errorBody("Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", 'invalid_request_error', 'response_format') };
      }
      const name = format.json_schema?.name ?? '';
      if (!format.json_schema?.schema) {
        return { status: 400, body: errorBody("Missing required parameter: 'response_format.json_schema.schema'.", 'invalid_request_error', 'response_format.json_schema.schema', 'missing_required_parameter') };
      }
      if (format.json_schema.strict) {
        const violation = strictSchemaViolation(format.json_schema.schema);
        if (violation) {
          return { status: 400, body: errorBody(`Invalid schema for response_format '${name}': ${violation}`, 'invalid_request_error', 'response_format', null) };
        }
      }
    }
    if (format?.type === 'json_object' && !/json/i.test(messageText(body.messages))) {
      return { status: 400, body: errorBody("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'invalid_request_error', 'messages') };
    }
    return null;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: ChatRequestBody | undefined;
      try {
        body = raw ? (JSON.parse(raw) as ChatRequestBody) : undefined;
      } catch {
        body = undefined;
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body, receivedAt: Date.now() };
      requests.push(recorded);
      if (req.method !== 'POST' || path !== '/v1/chat/completions') {
        send(res, 404, errorBody(`Invalid URL (${req.method} ${path})`, 'invalid_request_error'));
        return;
      }
      const rejection = rejectRequest(req, raw, body);
      if (rejection) {
        send(res, rejection.status, rejection.body);
        return;
      }
      open += 1;
      maxOpen = Math.max(maxOpen, open);
      res.on('close', () => {
        open -= 1;
      });
      const scripted = queue.shift() ?? defaultReply(recorded);
      if (scripted.delayMs && scripted.delayMs > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer(res, recorded, scripted);
        }, scripted.delayMs);
        timers.add(timer);
        return;
      }
      answer(res, recorded, scripted);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    completionRequests: () => requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions'),
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    pending: () => queue.length,
    maxConcurrent: () => maxOpen,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
