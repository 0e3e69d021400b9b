import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachGateway } from './gateway.js';
import { autocompletePayload, buttonPayload, commandPayload, type AutocompleteInput, type ButtonInput, type CommandInput } from './interactions.js';
import { createRest } from './rest.js';
import { createEmulatorState, type EmulatorStateOptions, type InteractionRecord } from './state.js';
import type { ChannelState, FaultSpec, Json, RecordedRequest, StoredAttachment, StoredMessage } from './types.js';

export type { ChannelState, FaultSpec, Json, RecordedFile, RecordedRequest, StoredAttachment, StoredMessage } from './types.js';
export { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, PERMISSIONS } from './fixtures.js';

export interface DiscordEmulatorOptions extends EmulatorStateOptions {
  /** Per-bucket limit and window for the X-RateLimit-* headers (default 50 per second). */
  rateLimit?: { limit: number; windowMs: number };
  heartbeatIntervalMs?: number;
  /** How long the wait helpers wait before failing (default 5 s). */
  waitTimeoutMs?: number;
  /** A slow Discord: message creates and edits are done at once and answered this much later. */
  responseDelayMs?: number;
}

export interface InteractionReply {
  /** The callback type: 4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete. */
  type: number;
  /** The message as it finally reads (for deferred replies: after the edit), or the callback data. */
  data: Json;
  ephemeral: boolean;
  message: StoredMessage | null;
}

export interface InteractionHandle {
  id: string;
  token: string;
  payload: Json;
  /** The raw body of POST /interactions/:id/:token/callback. */
  callback(): Promise<Json>;
  /** The user-visible answer; for deferred replies waits for the edit of @original. */
  reply(): Promise<InteractionReply>;
  followups(): StoredMessage[];
}

/**
 * A Discord API emulator for tests: REST under /api/v10 and the gateway on /gateway, one HTTP
 * server on 127.0.0.1 and an ephemeral port. Point discord.js at it with `rest: { api: apiUrl }`;
 * GET /gateway/bot hands the client the gateway URL.
 */
export async function startDiscordEmulator(options: DiscordEmulatorOptions = {}) {
  const state = createEmulatorState(options);
  const requests: RecordedRequest[] = [];
  const waitTimeoutMs = options.waitTimeoutMs ?? 5000;
  let baseUrl = '';
  const gatewayUrl = (): string => `${baseUrl.replace(/^http/, 'ws')}/gateway`;

  const rest = createRest(state, {
    rateLimit: options.rateLimit ?? { limit: 50, windowMs: 1000 },
    gatewayUrl,
    responseDelayMs: options.responseDelayMs,
    record(request) {
      requests.push(request);
      state.events.emit('request', request);
    },
  });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const match = /^\/api\/v10(\/.*)$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: '404: Not Found', code: 0 }));
      return;
    }
    void rest.handle(req, res, match[1]!, Object.fromEntries(url.searchParams));
  });
  const gateway = attachGateway(server, state, { heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250, url: gatewayUrl });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Resolves once `check` returns a value; re-checked after every REST request. */
  function waitFor<T>(what: string, check: () => T | null | undefined, timeoutMs = waitTimeoutMs): Promise<T> {
    const first = check();
    if (first !== null && first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const onChange = (): void => {
        const value = check();
        if (value === null || value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Discord emulator: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        state.events.off('request', onChange);
      };
      state.events.on('request', onChange);
    });
  }

  function push(payload: Json): InteractionHandle {
    const record: InteractionRecord = {
      id: String(payload.id),
      token: String(payload.token),
      channelId: String(payload.channel_id),
      payload,
      callback: null,
      originalMessageId: null,
      followupIds: [],
    };
    state.interactions.set(record.id, record);
    state.interactionsByToken.set(record.token, record);
    if (gateway.broadcast('INTERACTION_CREATE', payload) === 0) throw new Error('Discord emulator: no gateway session to deliver the interaction to');
    const callback = (): Promise<Json> => waitFor(`the callback of interaction ${record.id}`, () => record.callback);
    return {
      id: record.id,
      token: record.token,
      payload,
      callback,
      async reply(): Promise<InteractionReply> {
        const body = await callback();
        const type = Number(body.type);
        const data = (body.data ?? {}) as Json;
        if (type === 8) return { type, data, ephemeral: false, message: null };
        const message = record.originalMessageId ? state.messages.get(record.originalMessageId) ?? null : null;
        if (type === 5 || type === 6) {
          const edited = await waitFor(`the edit of the deferred reply to interaction ${record.id}`, () => {
            const m = record.originalMessageId ? state.messages.get(record.originalMessageId) : undefined;
            return m?.edited_timestamp ? m : null;
          });
          return { type, data: edited, ephemeral: Boolean(edited.flags & 64), message: edited };
        }
        return { type, data, ephemeral: Boolean(Number(data.flags ?? 0) & 64), message };
      },
      followups: () => record.followupIds.map((id) => state.messages.get(id)!),
    };
  }

  const channelId = (nameOrId: string): string => {
    if (state.channels.has(nameOrId)) return nameOrId;
    for (const [id, channel] of state.channels) if (channel.name === nameOrId) return id;
    throw new Error(`Discord emulator: no channel named ${nameOrId}`);
  };

  return {
    url: baseUrl,
    /** What discord.js's `rest.api` option and DISCORD_API_URL take. */
    apiUrl: `${baseUrl}/api`,
    gatewayUrl: gatewayUrl(),
    token: state.token,
    applicationId: state.applicationId,
    guildId: state.guildId,
    adminUser: state.adminUser,
    plainUser: state.plainUser,
    state,
    requests,
    faults: {
      add: (spec: FaultSpec): void => rest.faults.add(spec),
      clear: (): void => rest.faults.clear(),
      get pending(): number {
        return rest.faults.pendingCount;
      },
    },
    gateway,
    channelId,
    /** A channel that can no longer be written to: 'forbidden' → 50013, 'deleted' → 10003. */
    setChannelState(nameOrId: string, channelState: ChannelState): void {
      state.channelStates.set(channelId(nameOrId), channelState);
    },
    createWebhook(channel: string, name = 'execwatch'): { id: string; token: string; url: string } {
      const id = state.nextId();
      const token = `whtoken-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
      state.webhooks.set(id, { id, token, channelId: channelId(channel), name });
      return { id, token, url: `${baseUrl}/api/webhooks/${id}/${token}` };
    },
    /** A message's attachments with the bytes uploaded for them (name, content type, data). */
    attachments(message: StoredMessage): StoredAttachment[] {
      return state.filesOf(state.messages.get(message.id) ?? message);
    },
    messagesIn(channel: string): StoredMessage[] {
      return state.channelMessages(channelId(channel));
    },
    requestsTo(method: string, path: RegExp): RecordedRequest[] {
      return requests.filter((r) => r.method === method && path.test(r.path));
    },
    waitFor,
    waitForRequest(method: string, path: RegExp, count = 1, timeoutMs?: number): Promise<RecordedRequest[]> {
      return waitFor(`${count} × ${method} ${String(path)}`, () => {
        const hits = requests.filter((r) => r.method === method && path.test(r.path));
        return hits.length >= count ? hits : null;
      }, timeoutMs);
    },
    waitForMessages(channel: string, count: number, timeoutMs?: number): Promise<StoredMessage[]> {
      const id = channelId(channel);
      return waitFor(`${count} message(s) in #${channel}`, () => {
        const list = state.channelMessages(id);
        return list.length >= count ? list : null;
      }, timeoutMs);
    },
    sendCommand: (input: CommandInput): InteractionHandle => push(commandPayload(state, input)),
    sendAutocomplete: (input: AutocompleteInput): InteractionHandle => push(autocompletePayload(state, input)),
    clickButton: (input: ButtonInput): InteractionHandle => push(buttonPayload(state, input)),
    async close(): Promise<void> {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type DiscordEmulator = Awaited<ReturnType<typeof startDiscordEmulator>>;
