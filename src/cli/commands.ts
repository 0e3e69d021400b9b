import type { CliCommand } from './command.js';

/** A subcommand as `--help` lists it; its module (and what it pulls in) loads only when run. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CliCommand>;
}

// Loading discord.js, openai and the rest for every command costs seconds of start-up: each
// command imports what it needs when it is chosen.
export const commands: readonly CommandEntry[] = [
  { name: 'run', summary: 'run the bot: poll feeds on schedule and send alerts (what `npm start` does); --role for one part of it on Postgres', load: async () => (await import('./run.js')).runCommand },
  { name: 'once', summary: 'poll every feed once, deliver the alerts, and exit (1 when a delivery failed)', load: async () => (await import('./once.js')).onceCommand },
  { name: 'feeds', summary: 'list, inspect, import (OPML), export, enable or remove feeds', load: async () => (await import('./feeds.js')).feedsCommand },
  { name: 'extract', summary: 'extract leadership changes from a file, URL, text, or a JSONL file of items', load: async () => (await import('./extract.js')).extractCommand },
  { name: 'eval', summary: 'score the extractor against a gold JSONL file (as the shared score.mjs does)', load: async () => (await import('./eval.js')).evalCommand },
  { name: 'events', summary: 'merge the changes of a JSONL file of items into events (one line per event)', load: async () => (await import('./events.js')).eventsCommand },
  { name: 'sec', summary: 'SEC EDGAR: inspect one 8-K (file or URL) and show its Item 5.02 section and changes', load: async () => (await import('./sec.js')).secCommand },
  { name: 'stats', summary: 'what the pipeline did (feeds failing, items, changes, events, alerts per target) and LLM use; --estimate: LLM cost before any call', load: async () => (await import('./stats.js')).statsCommand },
  { name: 'export', summary: 'write stored changes as CSV or JSONL (person, direction, post, organisation, dates, sources) for a CRM', load: async () => (await import('./export.js')).exportCommand },
  { name: 'timeline', summary: 'draw the leadership timeline of an organisation or a person as a PNG (what /timeline posts)', load: async () => (await import('./timeline.js')).timelineCommand },
  { name: 'backup', summary: 'take an online backup of the SQLite database (safe while the bot runs)', load: async () => (await import('./backup.js')).backupCommand },
  { name: 'migrate', summary: 'bring the database schema up to date (Postgres with a database URL, else the SQLite file)', load: async () => (await import('./migrate.js')).migrateCommand },
  { name: 'db', summary: 'database tasks: copy moves a SQLite database into Postgres', load: async () => (await import('./db.js')).dbCommand },
  { name: 'discord', summary: 'Discord bot tasks: deploy-commands registers the slash commands', load: async () => (await import('./discord.js')).discordCommand },
];
