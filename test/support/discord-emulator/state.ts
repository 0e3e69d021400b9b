import { EventEmitter } from 'node:events';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, rawMember, rawRole, rawTextChannel, rawUser, type UserFixture } from './fixtures.js';
import { createSnowflakes } from './snowflake.js';
import type { UploadedFile } from './multipart.js';
import type { ChannelState, Json, StoredAttachment, StoredMessage } from './types.js';

export interface EmulatorStateOptions {
  token?: string;
  /** Text channel names of the one guild (default: general, alerts, admin). */
  channels?: string[];
  guildName?: string;
}

export interface InteractionRecord {
  id: string;
  token: string;
  channelId: string;
  payload: Json;
  callback: Json | null;
  originalMessageId: string | null;
  followupIds: string[];
}

export interface WebhookRecord {
  id: string;
  token: string;
  channelId: string;
  name: string;
}

/** Everything the emulated Discord knows: one bot, one guild, its channels, messages, commands. */
export function createEmulatorState(options: EmulatorStateOptions = {}) {
  const nextId = createSnowflakes();
  const applicationId = nextId();
  const botUser: UserFixture = { id: applicationId, username: 'execwatch-test', bot: true };
  const token = options.token ?? `${Buffer.from(applicationId).toString('base64')}.emulator.token`;
  const guildId = nextId();
  const everyoneRoleId = guildId;
  const adminRoleId = nextId();
  const adminUser: UserFixture = { id: nextId(), username: 'alice-admin' };
  const plainUser: UserFixture = { id: nextId(), username: 'bob-member' };

  const channels = new Map<string, Json>();
  for (const [i, name] of (options.channels ?? ['general', 'alerts', 'admin']).entries()) {
    const id = nextId();
    channels.set(id, rawTextChannel(id, guildId, name, i));
  }
  const roles = [
    rawRole(everyoneRoleId, '@everyone', MEMBER_PERMISSIONS, 0),
    rawRole(adminRoleId, 'Admins', ADMIN_PERMISSIONS, 1),
  ];
  const members = [rawMember(botUser), rawMember(adminUser, [adminRoleId]), rawMember(plainUser)];

  const events = new EventEmitter();
  events.setMaxListeners(0);
  const messages = new Map<string, StoredMessage>();
  const channelStates = new Map<string, ChannelState>();

  // Uploaded bytes by attachment id; the message carries Discord's attachment objects.
  const attachmentFiles = new Map<string, StoredAttachment>();

  /**
   * A message's attachments after a create or edit: `attachments` in the body lists what the
   * message keeps (ids of its attachments) and what is new (`{ id: n }` for the upload in
   * `files[n]`); uploads it does not list are added too, as Discord does.
   */
  function attachmentsOf(channelId: string, body: Json, files: readonly UploadedFile[], current: readonly Json[]): Json[] {
    const listed = Array.isArray(body.attachments) ? (body.attachments as Json[]) : null;
    if (!listed && files.length === 0) return [...current];
    const byField = new Map(files.map((f) => [f.field, f]));
    const out: Json[] = [];
    const used = new Set<UploadedFile>();
    const add = (file: UploadedFile, entry: Json): void => {
      const id = nextId();
      const filename = typeof entry.filename === 'string' ? entry.filename : file.name;
      attachmentFiles.set(id, { id, filename, contentType: file.contentType, data: file.data });
      used.add(file);
      out.push({
        id, filename, size: file.data.length, content_type: file.contentType,
        url: `https://cdn.discord.emulator/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`,
        proxy_url: `https://media.discord.emulator/attachments/${id}/${encodeURIComponent(filename)}`,
        ...(typeof entry.description === 'string' ? { description: entry.description } : {}),
      });
    };
    for (const entry of listed ?? []) {
      const upload = byField.get(`files[${String(entry.id)}]`);
      if (upload) add(upload, entry);
      else {
        const kept = current.find((a) => a.id === String(entry.id));
        if (kept) out.push(kept);
      }
    }
    for (const file of files) if (!used.has(file)) add(file, {});
    return out;
  }

  function createMessage(channelId: string, body: Json, extra: Json = {}, files: readonly UploadedFile[] = []): StoredMessage {
    const id = nextId();
    const message: StoredMessage = {
      id,
      type: 0,
      channel_id: channelId,
      guild_id: channels.has(channelId) ? guildId : undefined,
      author: rawUser(botUser),
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? (body.embeds as Json[]).map((e) => ({ type: 'rich', ...e })) : [],
      components: Array.isArray(body.components) ? (body.components as Json[]) : [],
      flags: typeof body.flags === 'number' ? body.flags : 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      mention_channels: [],
      attachments: attachmentsOf(channelId, body, files, []),
      pinned: false,
      ...extra,
    };
    messages.set(id, message);
    events.emit('message', message);
    return message;
  }

  function editMessage(message: StoredMessage, body: Json, files: readonly UploadedFile[] = []): StoredMessage {
    if (typeof body.content === 'string') message.content = body.content;
    message.attachments = attachmentsOf(message.channel_id, body, files, Array.isArray(message.attachments) ? (message.attachments as Json[]) : []);
    if (Array.isArray(body.embeds)) message.embeds = (body.embeds as Json[]).map((e) => ({ type: 'rich', ...e }));
    if (Array.isArray(body.components)) message.components = body.components as Json[];
    if (typeof body.flags === 'number') message.flags = body.flags;
    message.edited_timestamp = new Date().toISOString();
    events.emit('message-edit', message);
    return message;
  }

  return {
    nextId,
    token,
    applicationId,
    botUser,
    adminUser,
    plainUser,
    guildId,
    guildName: options.guildName ?? 'Emulated Guild',
    adminRoleId,
    channels,
    roles,
    members,
    events,
    messages,
    channelStates,
    globalCommands: [] as Json[],
    guildCommands: new Map<string, Json[]>(),
    webhooks: new Map<string, WebhookRecord>(),
    interactions: new Map<string, InteractionRecord>(),
    interactionsByToken: new Map<string, InteractionRecord>(),
    createMessage,
    editMessage,
    /** The uploaded files behind a message's attachments, in its order. */
    filesOf(message: StoredMessage): StoredAttachment[] {
      const list = Array.isArray(message.attachments) ? (message.attachments as Json[]) : [];
      return list.map((a) => attachmentFiles.get(String(a.id))).filter((a): a is StoredAttachment => a !== undefined);
    },
    channelState(id: string): ChannelState {
      if (!channels.has(id)) return 'deleted';
      return channelStates.get(id) ?? 'ok';
    },
    /** Messages still present in a channel, oldest first. */
    channelMessages(channelId: string): StoredMessage[] {
      return [...messages.values()].filter((m) => m.channel_id === channelId && !m.deleted);
    },
    rawGuild(): Json {
      return {
        id: guildId,
        name: options.guildName ?? 'Emulated Guild',
        icon: null,
        splash: null,
        discovery_splash: null,
        owner_id: adminUser.id,
        afk_channel_id: null,
        afk_timeout: 300,
        verification_level: 0,
        default_message_notifications: 1,
        explicit_content_filter: 0,
        features: [],
        mfa_level: 0,
        application_id: null,
        system_channel_id: null,
        system_channel_flags: 0,
        rules_channel_id: null,
        vanity_url_code: null,
        description: null,
        banner: null,
        premium_tier: 0,
        premium_subscription_count: 0,
        preferred_locale: 'en-US',
        public_updates_channel_id: null,
        nsfw_level: 0,
        premium_progress_bar_enabled: false,
        safety_alerts_channel_id: null,
        roles,
        emojis: [],
        stickers: [],
      };
    },
    /** GUILD_CREATE carries the extra fields READY's unavailable guild lacks. */
    guildCreatePayload(): Json {
      return {
        ...this.rawGuild(),
        joined_at: '2024-01-01T00:00:00.000Z',
        large: false,
        unavailable: false,
        member_count: members.length,
        voice_states: [],
        members,
        channels: [...channels.values()].filter((c) => this.channelState(String(c.id)) !== 'deleted').map((c) => ({ ...c, guild_id: undefined })),
        threads: [],
        presences: [],
        stage_instances: [],
        guild_scheduled_events: [],
        soundboard_sounds: [],
      };
    },
  };
}

export type EmulatorState = ReturnType<typeof createEmulatorState>;
