import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRequestBody, type UploadedFile } from './multipart.js';
import { createFaults, createRateLimiter, type RateLimitOptions } from './rate-limits.js';
import { rawUser } from './fixtures.js';
import type { EmulatorState, InteractionRecord } from './state.js';
import type { Json, RecordedRequest, StoredMessage } from './types.js';
import { validateCommand, validateMessageBody, type ApiError } from './validate.js';

interface RouteContext {
  params: string[];
  query: Record<string, string>;
  body: Json;
  /** Uploads of a multipart body (`files[n]`). */
  files: UploadedFile[];
}

interface RouteResult {
  status: number;
  body?: unknown;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** Template for the rate-limit bucket; the first param is the major parameter. */
  template: string;
  /** Routes carrying a webhook or interaction token take no Authorization header. */
  auth: boolean;
  handle(ctx: RouteContext): RouteResult;
}

const apiError = (status: number, code: number, message: string): ApiError => ({ status, code, message });
const UNKNOWN_CHANNEL = apiError(404, 10003, 'Unknown Channel');
const UNKNOWN_MESSAGE = apiError(404, 10008, 'Unknown Message');
const UNKNOWN_WEBHOOK = apiError(404, 10015, 'Unknown Webhook');
const UNKNOWN_INTERACTION = apiError(404, 10062, 'Unknown interaction');
const MISSING_PERMISSIONS = apiError(403, 50013, 'Missing Permissions');
/** An upload's size limit in a server without boosts (what interactions report as attachment_size_limit). */
const ATTACHMENT_SIZE_LIMIT = 10_485_760;
/** Discord keeps enforce_nonce uniqueness for a few minutes. */
const NONCE_WINDOW_MS = 5 * 60_000;

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value && 'message' in value;
}

export interface RestOptions {
  rateLimit: RateLimitOptions;
  gatewayUrl: () => string;
  /** Called for interaction callbacks so the gateway side can resolve waiters. */
  record(request: RecordedRequest): void;
  /**
   * A slow Discord: every message create or edit is done at once but answered this much later,
   * so a client that dies meanwhile has posted without learning it.
   */
  responseDelayMs?: number;
}

export function createRest(state: EmulatorState, options: RestOptions) {
  const limiter = createRateLimiter(options.rateLimit);
  const faults = createFaults();

  const writableChannel = (id: string): void => {
    const channelState = state.channelState(id);
    if (channelState === 'deleted') throw UNKNOWN_CHANNEL;
    if (channelState === 'forbidden') throw MISSING_PERMISSIONS;
  };

  const findMessage = (channelId: string, messageId: string): StoredMessage => {
    const message = state.messages.get(messageId);
    if (!message || message.deleted || message.channel_id !== channelId) throw UNKNOWN_MESSAGE;
    return message;
  };

  const interactionFor = (appId: string, token: string): InteractionRecord | null => {
    if (appId !== state.applicationId) return null;
    return state.interactionsByToken.get(token) ?? null;
  };

  const webhookFor = (id: string, token: string) => {
    const hook = state.webhooks.get(id);
    if (!hook || hook.token !== token) throw UNKNOWN_WEBHOOK;
    return hook;
  };

  const checkedMessageBody = (body: Json, files: readonly UploadedFile[] = []): Json => {
    if (files.some((f) => f.data.length > ATTACHMENT_SIZE_LIMIT)) throw apiError(413, 40005, 'Request entity too large');
    const invalid = validateMessageBody(body, files.length);
    if (invalid) throw invalid;
    return body;
  };

  const originalMessage = (interaction: InteractionRecord): StoredMessage => {
    // A deferred reply has a placeholder message ("… is thinking") until it is edited.
    if (!interaction.originalMessageId) throw UNKNOWN_MESSAGE;
    return state.messages.get(interaction.originalMessageId)!;
  };

  const webhookMessage = (id: string, token: string, messageId: string): StoredMessage => {
    const interaction = interactionFor(id, token);
    if (interaction) {
      if (messageId === '@original') return originalMessage(interaction);
      if (!interaction.followupIds.includes(messageId)) throw UNKNOWN_MESSAGE;
      return state.messages.get(messageId)!;
    }
    const hook = webhookFor(id, token);
    const message = state.messages.get(messageId);
    if (!message || message.deleted || message.webhook_id !== hook.id) throw UNKNOWN_MESSAGE;
    return message;
  };

  const commandList = (list: Json[], body: unknown): Json[] => {
    if (!Array.isArray(body)) throw { status: 400, code: 50035, message: 'Invalid Form Body', errors: { _errors: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array' }] } } satisfies ApiError;
    const problems = body.flatMap((c) => validateCommand(c));
    if (problems.length) throw { status: 400, code: 50035, message: 'Invalid Form Body', errors: { _errors: problems.map((message) => ({ code: 'APPLICATION_COMMAND_INVALID', message })) } } satisfies ApiError;
    const byName = new Map(list.map((c) => [String(c.name), c]));
    return (body as Json[]).map((c) => ({
      id: byName.get(String(c.name))?.id ?? state.nextId(),
      application_id: state.applicationId,
      version: state.nextId(),
      type: 1,
      default_member_permissions: null,
      ...c,
    }));
  };

  const routes: Route[] = [
    {
      method: 'GET', pattern: /^\/gateway\/bot$/, template: '/gateway/bot', auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: options.gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      }),
    },
    { method: 'GET', pattern: /^\/gateway$/, template: '/gateway', auth: false, handle: () => ({ status: 200, body: { url: options.gatewayUrl() } }) },
    { method: 'GET', pattern: /^\/users\/@me$/, template: '/users/@me', auth: true, handle: () => ({ status: 200, body: rawUser(state.botUser) }) },
    {
      method: 'GET', pattern: /^\/applications\/@me$/, template: '/applications/@me', auth: true,
      handle: () => ({ status: 200, body: { id: state.applicationId, name: state.botUser.username, description: '', flags: 0, bot_public: false, bot_require_code_grant: false, verify_key: 'emulated', icon: null } }),
    },
    {
      method: 'GET', pattern: /^\/channels\/(\d+)$/, template: '/channels/:id', auth: true,
      handle: ({ params: [id] }) => {
        if (state.channelState(id!) === 'deleted') throw UNKNOWN_CHANNEL;
        return { status: 200, body: state.channels.get(id!) };
      },
    },
    {
      method: 'GET', pattern: /^\/guilds\/(\d+)\/channels$/, template: '/guilds/:id/channels', auth: true,
      handle: ({ params: [id] }) => {
        if (id !== state.guildId) throw apiError(404, 10004, 'Unknown Guild');
        return { status: 200, body: [...state.channels.values()].filter((c) => state.channelState(String(c.id)) !== 'deleted') };
      },
    },
    {
      method: 'GET', pattern: /^\/channels\/(\d+)\/messages$/, template: '/channels/:id/messages', auth: true,
      handle: ({ params: [id], query }) => {
        if (state.channelState(id!) === 'deleted') throw UNKNOWN_CHANNEL;
        const limit = Math.min(Number(query.limit ?? 50), 100);
        return { status: 200, body: state.channelMessages(id!).reverse().slice(0, limit) };
      },
    },
    {
      method: 'POST', pattern: /^\/channels\/(\d+)\/messages$/, template: '/channels/:id/messages', auth: true,
      handle: ({ params: [id], body, files }) => {
        writableChannel(id!);
        checkedMessageBody(body, files);
        // enforce_nonce: a second create with the same nonce by the same author returns the first message.
        if (body.enforce_nonce === true && body.nonce !== undefined) {
          const nonce = String(body.nonce);
          if (nonce.length > 25) throw { status: 400, code: 50035, message: 'Invalid Form Body', errors: { nonce: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } } } satisfies ApiError;
          const seen = state.channelMessages(id!).find((m) => m.nonce === nonce && (m.author as { id?: string }).id === state.botUser.id &&
            Date.parse(String(m.timestamp)) > Date.now() - NONCE_WINDOW_MS);
          if (seen) return { status: 200, body: seen };
        }
        return { status: 200, body: state.createMessage(id!, body, body.nonce !== undefined ? { nonce: body.nonce } : {}, files) };
      },
    },
    {
      method: 'GET', pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/, template: '/channels/:id/messages/:id', auth: true,
      handle: ({ params: [cid, mid] }) => {
        if (state.channelState(cid!) === 'deleted') throw UNKNOWN_CHANNEL;
        return { status: 200, body: findMessage(cid!, mid!) };
      },
    },
    {
      method: 'PATCH', pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/, template: '/channels/:id/messages/:id', auth: true,
      handle: ({ params: [cid, mid], body, files }) => {
        writableChannel(cid!);
        const message = findMessage(cid!, mid!);
        if (body.embeds !== undefined || body.content !== undefined) checkedMessageBody({ ...message, ...body }, files);
        return { status: 200, body: state.editMessage(message, body, files) };
      },
    },
    {
      method: 'DELETE', pattern: /^\/channels\/(\d+)\/messages\/(\d+)$/, template: '/channels/:id/messages/:id', auth: true,
      handle: ({ params: [cid, mid] }) => {
        writableChannel(cid!);
        findMessage(cid!, mid!).deleted = true;
        return { status: 204 };
      },
    },
    {
      method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, template: '/interactions/:id/:token/callback', auth: false,
      handle: ({ params: [id, token], body, query, files }) => {
        const interaction = state.interactions.get(id!);
        if (!interaction || interaction.token !== token) throw UNKNOWN_INTERACTION;
        if (interaction.callback) throw apiError(400, 40060, 'Interaction has already been acknowledged.');
        const type = Number(body.type);
        const data = (body.data ?? {}) as Json;
        if (type === 4 || type === 7) checkedMessageBody(data, files);
        if (type === 8 && (!Array.isArray(data.choices) || data.choices.length > 25)) {
          throw { status: 400, code: 50035, message: 'Invalid Form Body', errors: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' }] } } } satisfies ApiError;
        }
        interaction.callback = body;
        let message: StoredMessage | null = null;
        if (type === 4 || type === 5) {
          message = state.createMessage(interaction.channelId, type === 4 ? data : { content: '', flags: (Number(data.flags ?? 0) | 128) }, {
            type: 20,
            application_id: state.applicationId,
            webhook_id: state.applicationId,
            interaction_metadata: { id: interaction.id, type: interaction.payload.type, user: (interaction.payload.member as Json).user, authorizing_integration_owners: { 0: state.guildId } },
          }, type === 4 ? files : []);
          interaction.originalMessageId = message.id;
        } else if (type === 7 || type === 6) {
          const source = (interaction.payload.message as StoredMessage | undefined)?.id;
          if (source) {
            interaction.originalMessageId = source;
            if (type === 7) message = state.editMessage(state.messages.get(source)!, data, files);
          }
        }
        state.events.emit(`callback:${interaction.id}`, body);
        if (query.with_response !== 'true') return { status: 204 };
        return {
          status: 200,
          body: {
            interaction: { id: interaction.id, type: interaction.payload.type, activity_instance_id: null, response_message_id: message?.id ?? null, response_message_loading: type === 5, response_message_ephemeral: Boolean(Number(data.flags ?? 0) & 64) },
            resource: message ? { type, message } : { type },
          },
        };
      },
    },
    {
      method: 'POST', pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, template: '/webhooks/:id/:token', auth: false,
      handle: ({ params: [id, token], body, query, files }) => {
        const interaction = interactionFor(id!, token!);
        if (interaction) {
          if (!interaction.callback) throw UNKNOWN_WEBHOOK;
          const message = state.createMessage(interaction.channelId, checkedMessageBody(body, files), { webhook_id: state.applicationId, application_id: state.applicationId }, files);
          interaction.followupIds.push(message.id);
          state.events.emit(`followup:${interaction.id}`, message);
          return { status: 200, body: message };
        }
        const hook = webhookFor(id!, token!);
        writableChannel(hook.channelId);
        const message = state.createMessage(hook.channelId, checkedMessageBody(body, files), {
          webhook_id: hook.id,
          author: { id: hook.id, username: typeof body.username === 'string' ? body.username : hook.name, avatar: null, discriminator: '0000', bot: true },
        }, files);
        return query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
      },
    },
    {
      method: 'GET', pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, template: '/webhooks/:id/:token', auth: false,
      handle: ({ params: [id, token] }) => {
        const hook = webhookFor(id!, token!);
        return { status: 200, body: { id: hook.id, type: 1, guild_id: state.guildId, channel_id: hook.channelId, name: hook.name, avatar: null, application_id: null, token: hook.token } };
      },
    },
    {
      method: 'GET', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|%40original|\d+)$/, template: '/webhooks/:id/:token/messages/:id', auth: false,
      handle: ({ params: [id, token, mid] }) => ({ status: 200, body: webhookMessage(id!, token!, mid!) }),
    },
    {
      method: 'PATCH', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|%40original|\d+)$/, template: '/webhooks/:id/:token/messages/:id', auth: false,
      handle: ({ params: [id, token, mid], body, files }) => {
        const interaction = interactionFor(id!, token!);
        if (!interaction) writableChannel(webhookFor(id!, token!).channelId);
        const message = webhookMessage(id!, token!, mid!);
        const merged = { content: message.content, embeds: message.embeds, components: message.components, attachments: message.attachments, ...body };
        checkedMessageBody(merged, files);
        // Editing a deferred reply drops the "thinking" (loading) flag.
        const edited = state.editMessage(message, { ...body, flags: message.flags & ~128 }, files);
        if (interaction) state.events.emit(`edit:${interaction.id}`, edited);
        return { status: 200, body: edited };
      },
    },
    {
      method: 'DELETE', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|%40original|\d+)$/, template: '/webhooks/:id/:token/messages/:id', auth: false,
      handle: ({ params: [id, token, mid] }) => {
        webhookMessage(id!, token!, mid!).deleted = true;
        return { status: 204 };
      },
    },
    {
      method: 'GET', pattern: /^\/applications\/(\d+)\/commands$/, template: '/applications/:id/commands', auth: true,
      handle: () => ({ status: 200, body: state.globalCommands }),
    },
    {
      method: 'PUT', pattern: /^\/applications\/(\d+)\/commands$/, template: '/applications/:id/commands', auth: true,
      handle: ({ params: [appId], body }) => {
        if (appId !== state.applicationId) throw apiError(403, 50001, 'Missing Access');
        state.globalCommands = commandList(state.globalCommands, body);
        return { status: 200, body: state.globalCommands };
      },
    },
    {
      method: 'GET', pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, template: '/applications/:id/guilds/:id/commands', auth: true,
      handle: ({ params: [, guildId] }) => ({ status: 200, body: state.guildCommands.get(guildId!) ?? [] }),
    },
    {
      method: 'PUT', pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, template: '/applications/:id/guilds/:id/commands', auth: true,
      handle: ({ params: [appId, guildId], body }) => {
        if (appId !== state.applicationId || guildId !== state.guildId) throw apiError(403, 50001, 'Missing Access');
        const list = commandList(state.guildCommands.get(guildId) ?? [], body);
        state.guildCommands.set(guildId, list);
        return { status: 200, body: list };
      },
    },
  ];

  async function readBody(req: IncomingMessage) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return parseRequestBody(Buffer.concat(chunks), req.headers['content-type']);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, query: Record<string, string>): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    let body: unknown = undefined;
    let files: UploadedFile[] = [];
    const send = (status: number, payload: unknown, extraHeaders: Record<string, string> = {}): void => {
      options.record({ method, path, query, headers, body, files, status, at: Date.now() });
      const text = payload === undefined ? '' : JSON.stringify(payload);
      res.writeHead(status, { ...(text ? { 'Content-Type': 'application/json' } : {}), ...extraHeaders });
      res.end(text);
    };
    let route: Route | undefined;
    let params: string[] = [];
    for (const candidate of routes) {
      const match = candidate.method === method ? candidate.pattern.exec(path) : null;
      if (match) {
        route = candidate;
        params = match.slice(1).map(decodeURIComponent);
        break;
      }
    }
    try {
      const parsed = await readBody(req);
      body = parsed.raw ? parsed.json : undefined;
      files = parsed.files;
      if (!route) {
        send(404, { message: '404: Not Found', code: 0 });
        return;
      }
      if (route.auth && headers.authorization !== `Bot ${state.token}`) {
        send(401, { message: '401: Unauthorized', code: 0 });
        return;
      }
      const limit = limiter.take(route.template, params[0] ?? '');
      const fault = faults.take(method, path);
      if (fault && fault.status < 300) {
        const result = route.handle({ params, query, body: (body ?? {}) as Json, files });
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 0).unref());
        if (!res.destroyed) send(result.status, result.body, limit.headers);
        else options.record({ method, path, query, headers, body, files, status: result.status, at: Date.now() });
        return;
      }
      if (fault) {
        const faultHeaders: Record<string, string> = { ...limit.headers };
        if (fault.status === 429) {
          const retryAfter = fault.retryAfter ?? 1;
          faultHeaders['Retry-After'] = String(retryAfter);
          faultHeaders['X-RateLimit-Scope'] = fault.global ? 'global' : 'user';
          if (fault.global) faultHeaders['X-RateLimit-Global'] = 'true';
          else {
            faultHeaders['X-RateLimit-Remaining'] = '0';
            faultHeaders['X-RateLimit-Reset-After'] = retryAfter.toFixed(3);
            faultHeaders['X-RateLimit-Reset'] = ((Date.now() + retryAfter * 1000) / 1000).toFixed(3);
          }
          send(429, { message: 'You are being rate limited.', retry_after: retryAfter, global: Boolean(fault.global), code: fault.global ? 0 : undefined }, faultHeaders);
        } else if (fault.status >= 500) {
          send(fault.status, { message: fault.message ?? 'Internal Server Error', code: 0 }, faultHeaders);
        } else {
          send(fault.status, { message: fault.message ?? defaultMessage(fault.code), code: fault.code ?? 0 }, faultHeaders);
        }
        return;
      }
      if (limit.retryAfter !== null) {
        send(429, { message: 'You are being rate limited.', retry_after: limit.retryAfter, global: false }, { ...limit.headers, 'Retry-After': String(Math.ceil(limit.retryAfter)), 'X-RateLimit-Scope': 'user' });
        return;
      }
      const result = route.handle({ params, query, body: (body ?? {}) as Json, files });
      if (options.responseDelayMs && (method === 'POST' || method === 'PATCH') && /\/messages(\/|$)|^\/webhooks\//.test(path)) {
        await new Promise((resolve) => setTimeout(resolve, options.responseDelayMs).unref());
        if (res.destroyed) {
          options.record({ method, path, query, headers, body, files, status: result.status, at: Date.now() });
          return;
        }
      }
      send(result.status, result.body, limit.headers);
    } catch (error) {
      if (isApiError(error)) {
        send(error.status, { message: error.message, code: error.code, ...(error.errors ? { errors: error.errors } : {}) });
        return;
      }
      send(500, { message: String(error), code: 0 });
    }
  }

  return { handle, faults };
}

function defaultMessage(code: number | undefined): string {
  switch (code) {
    case 50013: return 'Missing Permissions';
    case 10003: return 'Unknown Channel';
    case 50001: return 'Missing Access';
    default: return 'Error';
  }
}
