import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError, type SlashCommand } from '../../src/discord/command.js';
import { commands } from '../../src/discord/commands/index.js';
import { createAddressGuard } from '../../src/discord/feed-check.js';
import { buildRssFeed } from '../support/builders.js';
import { startFeedServer } from '../support/feed-server.js';
import { seedChange, startBotHarness, type BotHarness } from './harness.js';

const boom: SlashCommand = {
  data: new SlashCommandBuilder().setName('boom').setDescription('Fails on purpose'),
  async execute() {
    throw new Error('database on fire');
  },
};
const hint: SlashCommand = {
  data: new SlashCommandBuilder().setName('hint').setDescription('Fails with a user error after deferring'),
  async execute(interaction) {
    await interaction.deferReply();
    throw new UserError('fix the thing');
  },
};

describe('slash commands through the emulator and the real discord.js Client', () => {
  let h: BotHarness;
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  const day = 86_400_000;

  beforeAll(async () => {
    feeds = await startFeedServer();
    feeds.setFeed('/good.xml', buildRssFeed([{ title: 'One', link: 'https://news.example/1', guid: '1' }, { title: 'Two', link: 'https://news.example/2', guid: '2' }], 'Good Feed'));
    feeds.setFeed('/page.html', '<!doctype html><html><body>not a feed</body></html>', 'text/html');
    h = await startBotHarness({
      guard: createAddressGuard({ allowHosts: [new URL(feeds.url).host] }),
      commands: [...commands, boom, hint],
    });
    await seedChange(h, { person: 'Daniel Zhang', org: 'Alibaba Cloud Intelligence', parent: 'Alibaba Group', title: 'acting president', category: 'President', interim: true, feed: 'TechNode' });
    await seedChange(h, { person: 'Jeff Zhang', aliases: ['Zhang Jianfeng'], org: 'Alibaba Cloud Intelligence', parent: 'Alibaba Group', title: 'president', category: 'President', direction: 'out' });
    await seedChange(h, { person: 'Frédéric Oudéa', org: 'Société Générale', title: 'chief financial officer', category: 'CFO', direction: 'out' });
    for (let i = 0; i < 9; i++) await seedChange(h, { person: `Person ${i}`, org: `Widget Corp ${i}`, createdAt: new Date(Date.now() - i * 60_000).toISOString() });
    await seedChange(h, { person: 'Old Timer', org: 'Ancient Co', createdAt: new Date(Date.now() - 30 * day).toISOString() });
  });

  afterAll(async () => {
    await h?.close();
    await feeds?.close();
  });

  it('registers every command with Discord through deploy-commands', () => {
    const registered = h.emu.state.guildCommands.get(h.emu.guildId)!.map((c) => c.name).sort();
    expect(registered).toEqual(['boom', 'changes', 'feeds', 'hint', 'subscribe', 'subscriptions', 'timeline', 'unsubscribe', 'why']);
    const subscribe = h.emu.state.guildCommands.get(h.emu.guildId)!.find((c) => c.name === 'subscribe')!;
    expect(subscribe.default_member_permissions).toBe(String(1 << 5));
  });

  describe('/changes', () => {
    it('lists recent changes newest first, five per page, with paging buttons that work', async () => {
      const reply = await h.emu.sendCommand({ name: 'changes', subcommand: 'recent' }).reply();
      expect(reply.ephemeral).toBe(false);
      const embed = (reply.data.embeds as Array<{ title: string; description: string; footer: { text: string } }>)[0]!;
      expect(embed.title).toBe('Leadership changes, last 7 days');
      expect(embed.footer.text).toBe('Page 1 of 3 · 12 changes');
      expect(embed.description).not.toContain('Old Timer');
      expect(embed.description.match(/^\*\*\d+\. /gm)).toHaveLength(5);
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
      const row = (reply.data.components as Array<{ components: Array<{ custom_id: string; disabled: boolean }> }>)[0]!;
      expect(row.components.map((b) => b.disabled)).toEqual([true, false]);

      const next = await h.emu.clickButton({ customId: row.components[1]!.custom_id, message: reply.message! }).reply();
      expect(next.type).toBe(7);
      const page2 = (next.data.embeds as Array<{ description: string; footer: { text: string } }>)[0]!;
      expect(page2.footer.text).toBe('Page 2 of 3 · 12 changes');
      expect(page2.description).toMatch(/^\*\*6\. /);
      expect(page2.description).not.toBe(embed.description);
    });

    it('says so privately when paging buttons outlive their results', async () => {
      const reply = await h.emu.sendCommand({ name: 'changes', subcommand: 'recent' }).reply();
      const expired = await h.emu.clickButton({ customId: 'changes:page:nosuchtoken:1:n', message: reply.message! }).reply();
      expect(expired.ephemeral).toBe(true);
      expect(expired.data.content).toMatch(/expired; run \/changes again/);
    });

    it('filters by company (units included), direction, role and days', async () => {
      const byCompany = await h.emu.sendCommand({ name: 'changes', subcommand: 'recent', options: { company: 'Alibaba', direction: 'out' } }).reply();
      const text = (byCompany.data.embeds as Array<{ description: string }>)[0]!.description;
      expect(text).toContain('Jeff Zhang');
      expect(text).not.toContain('Daniel Zhang');
      const byRole = await h.emu.sendCommand({ name: 'changes', subcommand: 'recent', options: { role: 'cfo' } }).reply();
      expect((byRole.data.embeds as Array<{ description: string }>)[0]!.description).toContain('Frédéric Oudéa');
      const old = await h.emu.sendCommand({ name: 'changes', subcommand: 'recent', options: { days: 60, company: 'Ancient Co' } }).reply();
      expect((old.data.embeds as Array<{ description: string }>)[0]!.description).toContain('Old Timer');
    });

    it('looks up a company and a person by name, aliases and accents included', async () => {
      const company = await h.emu.sendCommand({ name: 'changes', subcommand: 'company', options: { name: 'societe generale' } }).reply();
      expect((company.data.embeds as Array<{ description: string }>)[0]!.description).toContain('Frédéric Oudéa');
      const alias = await h.emu.sendCommand({ name: 'changes', subcommand: 'person', options: { name: 'Zhang Jianfeng' } }).reply();
      const text = (alias.data.embeds as Array<{ description: string }>)[0]!.description;
      expect(text).toContain('Jeff Zhang ✕ leaves president, Alibaba Cloud Intelligence');
      expect(text).not.toContain('Daniel');
    });

    it('autocompletes organisations and people, insensitive to case and accents, with aliases', async () => {
      const orgs = await h.emu.sendAutocomplete({ name: 'changes', subcommand: 'company', focused: 'name', options: { name: 'ALI' } }).reply();
      expect(orgs.data.choices).toEqual(expect.arrayContaining([
        { name: 'Alibaba Cloud Intelligence', value: 'Alibaba Cloud Intelligence' },
        { name: 'Alibaba Group', value: 'Alibaba Group' },
      ]));
      const accents = await h.emu.sendAutocomplete({ name: 'changes', subcommand: 'company', focused: 'name', options: { name: 'soci' } }).reply();
      expect(accents.data.choices).toEqual([{ name: 'Société Générale', value: 'Société Générale' }]);
      const people = await h.emu.sendAutocomplete({ name: 'changes', subcommand: 'person', focused: 'name', options: { name: 'jianf' } }).reply();
      // An alias is a name of the event: choosing it finds the change reported as Jeff Zhang (above).
      expect(people.data.choices).toEqual([{ name: 'Zhang Jianfeng', value: 'Zhang Jianfeng' }]);
      const frederic = await h.emu.sendAutocomplete({ name: 'changes', subcommand: 'recent', focused: 'person', options: { person: 'frede' } }).reply();
      expect(frederic.data.choices).toEqual([{ name: 'Frédéric Oudéa', value: 'Frédéric Oudéa' }]);
      const roles = await h.emu.sendAutocomplete({ name: 'changes', subcommand: 'recent', focused: 'role', options: { role: 'c' } }).reply();
      expect((roles.data.choices as Array<{ value: string }>).map((c) => c.value)).toContain('CEO');
    });

    it('answers an unknown company or person with a private error the user can act on', async () => {
      const company = await h.emu.sendCommand({ name: 'changes', subcommand: 'company', options: { name: 'Nonexistent Industries' } }).reply();
      expect(company.ephemeral).toBe(true);
      expect(company.data.content).toMatch(/No stored change mentions a company called “Nonexistent Industries”/);
      const person = await h.emu.sendCommand({ name: 'changes', subcommand: 'recent', options: { person: 'Nobody Atall' } }).reply();
      expect(person.ephemeral).toBe(true);
      expect(person.data.content).toMatch(/person called “Nobody Atall”/);
    });
  });

  describe('/subscribe, /subscriptions, /unsubscribe', () => {
    it('refuses members without Manage Server, privately', async () => {
      for (const name of ['subscribe', 'unsubscribe', 'subscriptions']) {
        const reply = await h.emu.sendCommand({ name, as: 'member' }).reply();
        expect(reply.ephemeral).toBe(true);
        expect(reply.data.content).toMatch(/Manage Server/);
      }
      expect(await h.stores.subscriptions.listByGuild(h.emu.guildId)).toHaveLength(0);
    });

    it('stores a channel filter, lists it, updates it and removes it', async () => {
      const alerts = h.emu.channelId('alerts');
      const reply = await h.emu.sendCommand({
        name: 'subscribe', as: 'admin',
        options: { channel: alerts, companies: 'Alibaba, Tencent', roles: 'CEO, president', directions: 'in', 'min-confidence': 0.6 },
      }).reply();
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.content).toContain(`Subscribed <#${alerts}>: companies: Alibaba, Tencent; roles: CEO, president; only appointments; confidence ≥ 60%`);
      expect(reply.data.content).toMatch(/Not seen in any change yet.*Tencent/);
      const stored = (await h.stores.subscriptions.get(alerts))!;
      expect(stored).toMatchObject({ guildId: h.emu.guildId, companies: ['Alibaba', 'Tencent'], roles: ['CEO', 'president'], directions: ['in'], minConfidence: 0.6, status: 'active', createdBy: h.emu.adminUser.id });

      await h.emu.sendCommand({ name: 'subscribe', as: 'admin' }).reply(); // this channel, everything
      const list = await h.emu.sendCommand({ name: 'subscriptions', as: 'admin' }).reply();
      expect(list.data.content).toContain('Alert subscriptions (2)');
      expect(list.data.content).toContain(`<#${h.emu.channelId('general')}>: every change`);

      const gone = await h.emu.sendCommand({ name: 'unsubscribe', as: 'admin', options: { channel: alerts } }).reply();
      expect(gone.data.content).toContain('will get no more alerts');
      expect(await h.stores.subscriptions.get(alerts)).toBeUndefined();
      const again = await h.emu.sendCommand({ name: 'unsubscribe', as: 'admin', options: { channel: alerts } }).reply();
      expect(again.ephemeral).toBe(true);
      expect(again.data.content).toMatch(/has no subscription/);
    });

    it('rejects an out-of-range option with a private error naming it', async () => {
      const reply = await h.emu.sendCommand({ name: 'subscribe', as: 'admin', options: { 'min-confidence': 1.5 } }).reply();
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.content).toMatch(/minConfidence.*between 0 and 1/);
    });
  });

  describe('/feeds', () => {
    it('refuses members without Manage Server', async () => {
      const reply = await h.emu.sendCommand({ name: 'feeds', subcommand: 'list', as: 'member' }).reply();
      expect(reply.data.content).toMatch(/Manage Server/);
    });

    it('refuses malformed, non-http, private-address and non-feed URLs without storing them', async () => {
      const cases: Array<[string, RegExp]> = [
        ['not a url', /is not a URL/],
        ['ftp://example.com/feed.xml', /only http and https/],
        ['http://10.1.2.3/feed.xml', /10\.1\.2\.3 resolves to a private or local address \(private\)/],
        ['http://169.254.169.254/latest/meta-data', /private or local address/],
        ['http://127.0.0.1:1/feed.xml', /private or local address/],
        [`${feeds.url}/page.html`, /not a feed execwatch can read/],
      ];
      for (const [url, error] of cases) {
        const reply = await h.emu.sendCommand({ name: 'feeds', subcommand: 'add', as: 'admin', options: { url } }).reply();
        expect(reply.ephemeral, url).toBe(true);
        expect(reply.data.content, url).toMatch(error);
      }
      expect((await h.stores.feeds.list()).filter((f) => f.origin === 'user')).toHaveLength(0);
    });

    it('reads a feed before adding it, lists it, shows its health and removes it', async () => {
      const url = `${feeds.url}/good.xml`;
      const added = await h.emu.sendCommand({ name: 'feeds', subcommand: 'add', as: 'admin', options: { url } }).reply();
      expect(added.type).toBe(5);
      expect(added.ephemeral).toBe(true);
      expect(added.data.content).toContain('Added **Good Feed** (2 items now)');
      const feed = (await h.stores.feeds.getByUrl(url))!;
      expect(feed).toMatchObject({ origin: 'user', guildId: h.emu.guildId, name: 'Good Feed' });
      const dup = await h.emu.sendCommand({ name: 'feeds', subcommand: 'add', as: 'admin', options: { url } }).reply();
      expect(dup.data.content).toMatch(/already watched/);

      const list = await h.emu.sendCommand({ name: 'feeds', subcommand: 'list', as: 'admin' }).reply();
      expect(list.data.content).toContain(`**Good Feed** <${url}> (added in Discord)`);
      const status = await h.emu.sendCommand({ name: 'feeds', subcommand: 'status', as: 'admin' }).reply();
      expect(status.data.content).toMatch(/⏳ \*\*Good Feed\*\* — never read yet/);

      const suggestions = await h.emu.sendAutocomplete({ name: 'feeds', subcommand: 'remove', focused: 'feed', as: 'admin', options: { feed: 'good' } }).reply();
      expect(suggestions.data.choices).toEqual([{ name: `Good Feed — ${url}`, value: String(feed.id) }]);
      const configFeed = (await h.stores.feeds.list()).find((f) => f.origin === 'config')!;
      const refused = await h.emu.sendCommand({ name: 'feeds', subcommand: 'remove', as: 'admin', options: { feed: String(configFeed.id) } }).reply();
      expect(refused.data.content).toMatch(/comes from the config file/);
      const removed = await h.emu.sendCommand({ name: 'feeds', subcommand: 'remove', as: 'admin', options: { feed: String(feed.id) } }).reply();
      expect(removed.data.content).toContain('Removed **Good Feed**');
      expect(await h.stores.feeds.getByUrl(url)).toBeUndefined();
    });
  });

  describe('/why', () => {
    it('explains an alerted change, a baseline item, and an unknown or malformed URL', async () => {
      const key = (await seedChange(h, { person: 'Ada Lovelace', org: 'Engines Ltd', url: 'https://news.example/ada' }))!;
      await h.stores.deliveries.enqueue(key, '{}', [`channel:${h.emu.channelId('alerts')}`], new Date().toISOString());
      await h.stores.deliveries.markSent(key, `channel:${h.emu.channelId('alerts')}`, '123', new Date().toISOString());
      const alerted = await h.emu.sendCommand({ name: 'why', options: { url: 'https://news.example/ada?utm_source=x' } }).reply();
      const text = (alerted.data.embeds as Array<{ description: string }>)[0]!.description;
      expect(alerted.ephemeral).toBe(true);
      expect(text).toContain('Ada Lovelace → chief executive officer, Engines Ltd');
      expect(text).toContain(`alerted in <#${h.emu.channelId('alerts')}>`);

      await seedChange(h, { person: 'Low Confidence', org: 'Maybe Inc', url: 'https://news.example/low', confidence: 0.2 });
      const low = await h.emu.sendCommand({ name: 'why', options: { url: 'https://news.example/low' } }).reply();
      expect((low.data.embeds as Array<{ description: string }>)[0]!.description).toMatch(/not alerted: below the alert threshold of 50%/);

      await seedChange(h, { person: 'Base Line', org: 'First Poll', url: 'https://news.example/base', itemStatus: 'baseline' });
      const baseline = await h.emu.sendCommand({ name: 'why', options: { url: 'https://news.example/base' } }).reply();
      expect((baseline.data.embeds as Array<{ description: string }>)[0]!.description).toMatch(/first read of that feed/);

      const unseen = await h.emu.sendCommand({ name: 'why', options: { url: 'https://news.example/never' } }).reply();
      expect(unseen.ephemeral).toBe(true);
      expect(unseen.data.content).toMatch(/has not seen that article/);
      const bad = await h.emu.sendCommand({ name: 'why', options: { url: 'javascript:alert(1)' } }).reply();
      expect(bad.data.content).toMatch(/not an article URL/);
    });
  });

  describe('the error boundary', () => {
    it('turns an unexpected failure into a private reply with a logged reference', async () => {
      const reply = await h.emu.sendCommand({ name: 'boom' }).reply();
      expect(reply.ephemeral).toBe(true);
      const ref = /reference ([0-9a-f]{8})/.exec(String(reply.data.content))?.[1];
      expect(ref).toBeTruthy();
      expect(h.logs.some((l) => l.level === 'error' && (l.obj as { ref?: string }).ref === ref)).toBe(true);
      expect(String(reply.data.content)).not.toContain('database on fire');
    });

    it('replaces a public deferred reply with a private user error', async () => {
      const handle = h.emu.sendCommand({ name: 'hint' });
      expect((await handle.callback()).type).toBe(5);
      const [followup] = await h.emu.waitFor('the private follow-up', () => (handle.followups().length ? handle.followups() : null));
      expect(followup!.content).toBe('❌ fix the thing');
      expect(followup!.flags & 64).toBe(64);
      await h.emu.waitFor('the deferred reply to be deleted', () => (h.emu.requestsTo('DELETE', /@original|%40original/).length ? true : null));
    });
  });
});
