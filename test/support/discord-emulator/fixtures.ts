import type { Json } from './types.js';

export const PERMISSIONS = {
  SendMessages: 1n << 11n,
  ViewChannel: 1n << 10n,
  EmbedLinks: 1n << 14n,
  ManageGuild: 1n << 5n,
  Administrator: 1n << 3n,
} as const;

/** What an ordinary member may do: view, send, embed links — no Manage Server. */
export const MEMBER_PERMISSIONS = (PERMISSIONS.ViewChannel | PERMISSIONS.SendMessages | PERMISSIONS.EmbedLinks).toString();
export const ADMIN_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | PERMISSIONS.ManageGuild).toString();

export interface UserFixture {
  id: string;
  username: string;
  bot?: boolean;
}

export function rawUser(user: UserFixture): Json {
  return {
    id: user.id,
    username: user.username,
    global_name: user.bot ? null : user.username,
    discriminator: user.bot ? '0001' : '0',
    avatar: null,
    bot: user.bot ?? false,
    flags: 0,
    public_flags: 0,
  };
}

export function rawMember(user: UserFixture, roles: string[] = [], permissions?: string): Json {
  const member: Json = {
    user: rawUser(user),
    nick: null,
    avatar: null,
    roles,
    joined_at: '2024-01-01T00:00:00.000Z',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
  if (permissions !== undefined) member.permissions = permissions;
  return member;
}

export function rawRole(id: string, name: string, permissions: string, position: number): Json {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function rawTextChannel(id: string, guildId: string, name: string, position: number): Json {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}
