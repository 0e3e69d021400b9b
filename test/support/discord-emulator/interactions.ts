import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, rawMember, type UserFixture } from './fixtures.js';
import type { EmulatorState } from './state.js';
import type { Json, StoredMessage } from './types.js';

export type OptionValue = string | number | boolean;

export interface InteractionActor {
  /** 'admin' has Manage Server, 'member' does not; or give your own permission bitfield. */
  as?: 'admin' | 'member';
  permissions?: string;
  channelId?: string;
}

export interface CommandInput extends InteractionActor {
  name: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
}

export interface AutocompleteInput extends CommandInput {
  /** The option the user is typing in; its value is the partial text. */
  focused: string;
}

export interface ButtonInput extends InteractionActor {
  customId: string;
  message: StoredMessage;
}

const OPTION_TYPE = { Subcommand: 1, SubcommandGroup: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Number: 10 } as const;
const APP_PERMISSIONS = ((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n)).toString();

function registeredCommand(state: EmulatorState, name: string): Json | undefined {
  return (state.guildCommands.get(state.guildId) ?? []).find((c) => c.name === name) ?? state.globalCommands.find((c) => c.name === name);
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return OPTION_TYPE.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OPTION_TYPE.Integer : OPTION_TYPE.Number;
  return OPTION_TYPE.String;
}

/**
 * Builds options the way Discord does: typed from the registered command (so a test cannot send an
 * option the command does not declare), with channel options resolved.
 */
function buildOptions(state: EmulatorState, input: CommandInput, focused: string | null): { options: Json[]; resolved?: Json; commandId: string } {
  const command = registeredCommand(state, input.name);
  let declared = (command?.options as Json[] | undefined) ?? null;
  if (input.subcommand) {
    const sub = declared?.find((o) => o.name === input.subcommand && o.type === OPTION_TYPE.Subcommand);
    if (command && !sub) throw new Error(`/${input.name} has no subcommand "${input.subcommand}"`);
    declared = (sub?.options as Json[] | undefined) ?? (command ? [] : null);
  }
  const channels: Record<string, Json> = {};
  const options = Object.entries(input.options ?? {}).map(([name, value]) => {
    const definition = declared?.find((o) => o.name === name);
    if (declared && !definition) throw new Error(`/${input.name}${input.subcommand ? ` ${input.subcommand}` : ''} has no option "${name}"`);
    const type = definition ? Number(definition.type) : inferType(value);
    const option: Json = { name, type, value };
    if (focused === name) {
      option.focused = true;
      option.value = String(value);
    } else if (type === OPTION_TYPE.Channel) {
      const channel = state.channels.get(String(value));
      if (!channel) throw new Error(`channel option "${name}": no channel ${String(value)} in the emulated guild`);
      channels[String(value)] = { id: channel.id, name: channel.name, type: channel.type, permissions: APP_PERMISSIONS, guild_id: state.guildId, parent_id: null, flags: 0 };
    }
    return option;
  });
  if (declared && focused === null) {
    for (const definition of declared) {
      if (definition.required && !(String(definition.name) in (input.options ?? {}))) {
        throw new Error(`/${input.name}: required option "${String(definition.name)}" missing (Discord would not send this)`);
      }
    }
  }
  const wrapped = input.subcommand ? [{ name: input.subcommand, type: OPTION_TYPE.Subcommand, options }] : options;
  return {
    options: wrapped,
    resolved: Object.keys(channels).length ? { channels } : undefined,
    commandId: String(command?.id ?? state.nextId()),
  };
}

function base(state: EmulatorState, actor: InteractionActor, type: number): Json {
  const who: UserFixture = actor.as === 'admin' ? state.adminUser : state.plainUser;
  const permissions = actor.permissions ?? (actor.as === 'admin' ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS);
  const channelId = actor.channelId ?? String([...state.channels.keys()][0]);
  const channel = state.channels.get(channelId) ?? { id: channelId, type: 0, guild_id: state.guildId, name: 'unknown' };
  const roles = actor.as === 'admin' ? [state.adminRoleId] : [];
  return {
    id: state.nextId(),
    application_id: state.applicationId,
    type,
    token: `itoken-${state.nextId()}-${Math.random().toString(36).slice(2)}`,
    version: 1,
    guild_id: state.guildId,
    guild: { id: state.guildId, locale: 'en-US', features: [] },
    channel: { ...channel, permissions: APP_PERMISSIONS },
    channel_id: channelId,
    member: rawMember(who, roles, permissions),
    app_permissions: APP_PERMISSIONS,
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { 0: state.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

export function commandPayload(state: EmulatorState, input: CommandInput): Json {
  const { options, resolved, commandId } = buildOptions(state, input, null);
  return { ...base(state, input, 2), data: { id: commandId, name: input.name, type: 1, guild_id: state.guildId, options, ...(resolved ? { resolved } : {}) } };
}

export function autocompletePayload(state: EmulatorState, input: AutocompleteInput): Json {
  const options = { ...(input.options ?? {}) };
  if (!(input.focused in options)) options[input.focused] = '';
  const built = buildOptions(state, { ...input, options }, input.focused);
  return { ...base(state, input, 4), data: { id: built.commandId, name: input.name, type: 1, guild_id: state.guildId, options: built.options } };
}

export function buttonPayload(state: EmulatorState, input: ButtonInput): Json {
  return {
    ...base(state, { ...input, channelId: input.channelId ?? input.message.channel_id }, 3),
    message: input.message,
    data: { custom_id: input.customId, component_type: 2 },
  };
}
