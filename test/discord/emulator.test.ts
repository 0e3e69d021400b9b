import { Client, DiscordAPIError, Events, GatewayIntentBits, MessageFlags, Routes, WebhookClient, type Interaction, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';

async function loginClient(emu: DiscordEmulator, token = emu.token): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
  return client;
}

describe('Discord emulator with the real discord.js Client', () => {
  let emu: DiscordEmulator;
  let client: Client;

  beforeAll(async () => {
    emu = await startDiscordEmulator({ waitTimeoutMs: 4000 });
    client = await loginClient(emu);
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.close();
  });

  it('logs in through /gateway/bot, identifies on the gateway and sees the guild', () => {
    const gatewayBot = emu.requestsTo('GET', /^\/gateway\/bot$/);
    expect(gatewayBot.length).toBeGreaterThanOrEqual(1);
    expect(gatewayBot[0]!.headers.authorization).toBe(`Bot ${emu.token}`);
    expect(emu.gateway.connectQueries[0]).toMatchObject({ v: '10', encoding: 'json' });
    const identify = emu.gateway.frames.find((f) => f.direction === 'in' && f.op === 2);
    expect(identify?.d).toMatchObject({ token: emu.token, intents: GatewayIntentBits.Guilds, shard: [0, 1] });
    expect(client.user?.id).toBe(emu.applicationId);
    expect(client.application?.id).toBe(emu.applicationId);
    const guild = client.guilds.cache.get(emu.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['admin', 'alerts', 'general']);
    expect(guild?.roles.cache.size).toBe(2);
  });

  it('delivers a slash command to interactionCreate and records the ephemeral reply', async () => {
    const seen: Interaction[] = [];
    const handle = async (interaction: Interaction): Promise<void> => {
      seen.push(interaction);
      if (interaction.isChatInputCommand()) {
        const canManage = interaction.memberPermissions?.has('ManageGuild') ?? false;
        await interaction.reply({ content: `pong ${interaction.options.getString('word')} ${canManage}`, flags: MessageFlags.Ephemeral });
      }
    };
    const listener = (interaction: Interaction): void => void handle(interaction);
    client.on(Events.InteractionCreate, listener);
    try {
      const asMember = emu.sendCommand({ name: 'ping', options: { word: 'hello' }, as: 'member' });
      const reply = await asMember.reply();
      expect(reply.type).toBe(4);
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.content).toBe('pong hello false');
      const asAdmin = await emu.sendCommand({ name: 'ping', options: { word: 'x' }, as: 'admin' }).reply();
      expect(asAdmin.data.content).toBe('pong x true');
      expect(seen[0]?.channelId).toBe(emu.channelId('general'));
      // The callback carries no Authorization header: interaction tokens are the credential.
      expect(emu.requestsTo('POST', /^\/interactions\//)[0]?.headers.authorization).toBeUndefined();
    } finally {
      client.off(Events.InteractionCreate, listener);
    }
  });

  it('types options from the registered commands, answers autocomplete and button clicks', async () => {
    await client.rest.put(Routes.applicationGuildCommands(emu.applicationId, emu.guildId), {
      body: [{ name: 'find', description: 'Find things', options: [{ name: 'what', description: 'What', type: 3, required: true, autocomplete: true }, { name: 'days', description: 'Days', type: 4 }] }],
    });
    expect(() => emu.sendCommand({ name: 'find', options: { nope: 1 } })).toThrow(/no option "nope"/);
    const handle = async (interaction: Interaction): Promise<void> => {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed}-1`, value: `${typed}-1` }]);
      } else if (interaction.isChatInputCommand()) {
        await interaction.deferReply();
        await interaction.editReply({ content: `days=${interaction.options.getInteger('days')}`, components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'next', label: 'Next' }] }] });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
      }
    };
    const listener = (interaction: Interaction): void => void handle(interaction);
    client.on(Events.InteractionCreate, listener);
    try {
      const auto = await emu.sendAutocomplete({ name: 'find', focused: 'what', options: { what: 'ali' } }).reply();
      expect(auto).toMatchObject({ type: 8, data: { choices: [{ name: 'ali-1', value: 'ali-1' }] } });
      const command = await emu.sendCommand({ name: 'find', options: { what: 'x', days: 7 } }).reply();
      expect(command.type).toBe(5);
      expect(command.data.content).toBe('days=7');
      const click = await emu.clickButton({ customId: 'next', message: command.message! }).reply();
      expect(click.type).toBe(7);
      expect(emu.state.messages.get(command.message!.id)?.content).toBe('clicked next');
    } finally {
      client.off(Events.InteractionCreate, listener);
    }
  });

  it('sends real rate-limit headers and a 429 with Retry-After delays the post but delivers it', async () => {
    const channel = (await client.channels.fetch(emu.channelId('alerts'))) as TextChannel;
    emu.faults.add({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.4 });
    const started = Date.now();
    await channel.send({ content: 'after the limit', allowedMentions: { parse: [] } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    const posts = emu.requestsTo('POST', /\/channels\/\d+\/messages$/);
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expect(posts[1]!.body).toMatchObject({ content: 'after the limit', allowed_mentions: { parse: [] } });
    expect(emu.messagesIn('alerts').map((m) => m.content)).toEqual(['after the limit']);
  });

  it('honours a global 429 and retries 5xx', async () => {
    const channel = (await client.channels.fetch(emu.channelId('general'))) as TextChannel;
    emu.faults.add({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.3, global: true });
    emu.faults.add({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 502 });
    const started = Date.now();
    await channel.send('survives');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(emu.messagesIn('general').at(-1)?.content).toBe('survives');
  });

  it('answers Missing Permissions, Unknown Channel and invalid embeds with Discord error codes', async () => {
    emu.setChannelState('admin', 'forbidden');
    const admin = emu.channelId('admin');
    await expect(client.rest.post(Routes.channelMessages(admin), { body: { content: 'x' } })).rejects.toMatchObject({ code: 50013, status: 403 });
    emu.setChannelState('admin', 'deleted');
    await expect(client.rest.post(Routes.channelMessages(admin), { body: { content: 'x' } })).rejects.toMatchObject({ code: 10003, status: 404 });
    emu.faults.add({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 403, code: 50013 });
    const error = await client.rest.post(Routes.channelMessages(emu.channelId('general')), { body: { content: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    await expect(client.rest.post(Routes.channelMessages(emu.channelId('general')), { body: { embeds: [{ title: 't'.repeat(300) }] } })).rejects.toMatchObject({ code: 50035 });
    await expect(client.rest.post(Routes.channelMessages(emu.channelId('general')), { body: {} })).rejects.toMatchObject({ code: 50006 });
    emu.setChannelState('admin', 'ok');
  });

  it('lets the client resume after the gateway drops the connection', async () => {
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));
    emu.gateway.disconnectAll(4000, 'Unknown error');
    await resumed;
    const resume = emu.gateway.frames.find((f) => f.direction === 'in' && f.op === 6);
    expect(resume?.d).toMatchObject({ token: emu.token });
    const handle = async (interaction: Interaction): Promise<void> => {
      if (interaction.isChatInputCommand()) await interaction.reply('still here');
    };
    const listener = (interaction: Interaction): void => void handle(interaction);
    client.on(Events.InteractionCreate, listener);
    try {
      expect((await emu.sendCommand({ name: 'ping' }).reply()).data.content).toBe('still here');
    } finally {
      client.off(Events.InteractionCreate, listener);
    }
  });

  it('deduplicates creates that carry the same enforced nonce, and can hold a response back', async () => {
    const channel = emu.channelId('general');
    const body = { content: 'once', nonce: 'alert-1', enforce_nonce: true };
    emu.faults.add({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 200, delayMs: 150 });
    const started = Date.now();
    const first = (await client.rest.post(Routes.channelMessages(channel), { body })) as { id: string };
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const second = (await client.rest.post(Routes.channelMessages(channel), { body })) as { id: string };
    expect(second.id).toBe(first.id);
    expect(emu.messagesIn('general').filter((m) => m.content === 'once')).toHaveLength(1);
    await client.rest.post(Routes.channelMessages(channel), { body: { ...body, enforce_nonce: false } });
    expect(emu.messagesIn('general').filter((m) => m.content === 'once')).toHaveLength(2);
  });

  it('refuses a wrong bot token', async () => {
    const bad = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
    await expect(bad.login('not-the-token')).rejects.toThrow(/token/i);
    await bad.destroy();
  });

  it('serves webhooks to a WebhookClient whose id and token are parsed from the URL', async () => {
    const hook = emu.createWebhook('alerts');
    const match = /\/webhooks\/(\d+)\/([^/?]+)/.exec(hook.url)!;
    const webhook = new WebhookClient({ id: match[1]!, token: match[2]! }, { rest: { api: emu.apiUrl } });
    try {
      const sent = await webhook.send({ embeds: [{ title: 'Hello', description: 'world' }], allowedMentions: { parse: [] } });
      expect(sent.id).toBeTruthy();
      await webhook.editMessage(sent.id, { embeds: [{ title: 'Hello again' }] });
      const stored = emu.messagesIn('alerts').find((m) => m.id === sent.id)!;
      expect(stored.webhook_id).toBe(hook.id);
      expect(stored.embeds[0]).toMatchObject({ title: 'Hello again' });
      const post = emu.requestsTo('POST', /^\/webhooks\//).at(-1)!;
      expect(post.query.wait).toBe('true');
      expect(post.body).toMatchObject({ allowed_mentions: { parse: [] } });
      await expect(new WebhookClient({ id: match[1]!, token: 'wrong' }, { rest: { api: emu.apiUrl } }).send('x')).rejects.toMatchObject({ code: 10015 });
    } finally {
      webhook.destroy();
    }
  });
});
