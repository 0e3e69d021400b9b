import { REST } from 'discord.js';
import { loadConfig } from '../config/load.js';
import { commands } from '../discord/commands/index.js';
import { deployCommands } from '../discord/deploy-commands.js';
import { CONFIG_USAGE, parseCommandArgs, UsageError, type CliCommand } from './command.js';

const USAGE = `execwatch discord deploy-commands [--guild ID] [--config PATH]

  Registers execwatch's slash commands with Discord (needs DISCORD_TOKEN).
  --guild ID      register them in one server only: they appear at once (global ones can take an hour)
${CONFIG_USAGE}`;

export const discordCommand: CliCommand = {
  name: 'discord',
  summary: 'Discord bot tasks: deploy-commands registers the slash commands',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { guild: { type: 'string' } }, true);
    if (positionals[0] !== 'deploy-commands' || positionals.length > 1) throw new UsageError(`expected "deploy-commands", got ${JSON.stringify(positionals.join(' '))}`);
    if (values.guild !== undefined && !/^\d{5,25}$/.test(values.guild)) throw new UsageError(`--guild takes a server id (digits), got ${JSON.stringify(values.guild)}`);
    const { env } = loadConfig({ configPath: values.config, env: io.env });
    if (!env.DISCORD_TOKEN) {
      io.err('execwatch discord: DISCORD_TOKEN is not set. Put the bot token in the environment (never in the config file).');
      return 78;
    }
    const rest = new REST({ api: env.DISCORD_API_URL ?? 'https://discord.com/api' }).setToken(env.DISCORD_TOKEN);
    const result = await deployCommands(rest, commands, values.guild ?? null);
    io.out(`registered ${result.names.length} commands ${result.scope === 'guild' ? `in server ${result.guildId}` : 'globally (they can take up to an hour to appear everywhere)'}: ${result.names.map((n) => `/${n}`).join(' ')}`);
    return 0;
  },
};
