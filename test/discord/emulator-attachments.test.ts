import { AttachmentBuilder, Client, Events, GatewayIntentBits, MessageFlags, type Interaction, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordEmulator, type DiscordEmulator } from '../support/discord-emulator/index.js';
import { PNG_SIGNATURE } from '../support/png.js';

// Files travel as multipart/form-data (payload_json + files[n]); the emulator keeps each upload's
// name, type and bytes beside the message, as Discord's attachment objects.

const bytes = (n: number, seed: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff));

describe('Discord emulator: attachments sent by the real discord.js client', () => {
  let emu: DiscordEmulator;
  let client: Client;
  let handler: (interaction: Interaction) => Promise<void> = async () => undefined;

  beforeAll(async () => {
    emu = await startDiscordEmulator({ waitTimeoutMs: 4000 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(emu.token);
    await ready;
    client.on(Events.InteractionCreate, (i) => void handler(i));
  });
  afterAll(async () => {
    await client?.destroy();
    await emu?.close();
  });

  it('a reply with two files: multipart callback, attachments with names, types and bytes', async () => {
    const png = Buffer.concat([PNG_SIGNATURE, bytes(2992, 1)]);
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({
        content: 'here',
        files: [new AttachmentBuilder(png, { name: 'chart.png' }), new AttachmentBuilder(Buffer.from('a,b\r\n1,2\r\n'), { name: 'rows.csv', description: 'rows' })],
      });
    };
    const reply = await emu.sendCommand({ name: 'picture' }).reply();
    expect(reply.type).toBe(4);
    expect(reply.data.content).toBe('here');
    const callback = emu.requestsTo('POST', /\/callback$/).at(-1)!;
    expect(callback.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(callback.files.map((f) => [f.field, f.name])).toEqual([['files[0]', 'chart.png'], ['files[1]', 'rows.csv']]);
    const message = reply.message!;
    expect((message.attachments as Array<{ filename: string; size: number; description?: string }>).map((a) => [a.filename, a.size, a.description]))
      .toEqual([['chart.png', 3000, undefined], ['rows.csv', 10, 'rows']]);
    const files = emu.attachments(message);
    // discord.js names the type from the bytes' signature: a PNG is one, a CSV has none.
    expect(files.map((f) => f.contentType)).toEqual(['image/png', 'application/octet-stream']);
    expect(files[0]!.data.equals(png)).toBe(true);
    expect(files[1]!.data.toString('utf8')).toBe('a,b\r\n1,2\r\n');
  });

  it('a deferred reply edited with a file, and an ephemeral follow-up with one', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply({ content: 'drawn', files: [{ attachment: bytes(500, 2), name: 'late.png' }] });
      await i.followUp({ content: 'also', files: [{ attachment: Buffer.from('x'), name: 'note.txt' }], flags: MessageFlags.Ephemeral });
    };
    const handle = emu.sendCommand({ name: 'picture' });
    const reply = await handle.reply();
    expect(reply.type).toBe(5);
    expect(reply.data.content).toBe('drawn');
    expect(emu.attachments(reply.message!).map((f) => [f.filename, f.data.length])).toEqual([['late.png', 500]]);
    const followups = await emu.waitFor('the follow-up', () => (handle.followups().length ? handle.followups() : null));
    expect(followups[0]!.flags & 64).toBe(64);
    expect(emu.attachments(followups[0]!).map((f) => f.data.toString())).toEqual(['x']);
  });

  it('a channel message with a file, then an edit that keeps it and adds another', async () => {
    const channel = (await client.channels.fetch(emu.channelId('alerts'))) as TextChannel;
    const sent = await channel.send({ content: 'chart', files: [{ attachment: bytes(64, 3), name: 'one.png' }] });
    expect(sent.attachments.first()?.name).toBe('one.png');
    await sent.edit({ files: [{ attachment: bytes(32, 4), name: 'two.png' }], attachments: [...sent.attachments.values()] });
    const stored = emu.messagesIn('alerts').at(-1)!;
    expect(emu.attachments(stored).map((f) => [f.filename, f.data.length])).toEqual([['one.png', 64], ['two.png', 32]]);
  });

  it('a message of files alone is not empty; a message of nothing still is', async () => {
    const channel = (await client.channels.fetch(emu.channelId('alerts'))) as TextChannel;
    await expect(channel.send({ files: [{ attachment: Buffer.from('y'), name: 'only.txt' }] })).resolves.toBeTruthy();
    await expect(channel.send({ content: '' })).rejects.toThrow();
  });

  it('a file over the 10 MiB upload limit is refused with 40005', async () => {
    const channel = (await client.channels.fetch(emu.channelId('alerts'))) as TextChannel;
    await expect(channel.send({ files: [{ attachment: Buffer.alloc(10_485_761), name: 'big.bin' }] })).rejects.toThrow(/Request entity too large/);
  });
});
