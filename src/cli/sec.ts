import { headline } from '../notify/alert.js';
import { createSecClient } from '../sec/client.js';
import { inspectFiling } from '../sec/inspect.js';
import { createRateLimiter } from '../sec/rate-limit.js';
import { CONFIG_USAGE, parseCommandArgs, UsageError, type CliCommand, type CliIo } from './command.js';
import { changeForJsonl } from './extract.js';
import { EXTRACTOR_OPTION, EXTRACTOR_USAGE, openCliExtractor } from './extractor-option.js';
import { tryConfig } from './optional-config.js';

const USAGE = `execwatch sec inspect <file|url> [--json]

  Reads one SEC Form 8-K (a local file in any EDGAR form: the primary document, a complete
  submission .txt, an .nc file; or a URL of a document or a filing index page) and shows what
  execwatch finds in it: the company, form, date, items, the Item 5.02 section and its changes.
  --json prints { ok, company, cik, form, filed, items, section, changes, error }.

${CONFIG_USAGE}
  --json              machine-readable output
  --user-agent UA     for URLs: who is asking, with a contact e-mail (default: sec.userAgent)
  --allow-private     allow loopback/private addresses (a mirror or a test server)
${EXTRACTOR_USAGE}`;

async function inspect(target: string, values: { config?: string; json?: boolean; 'user-agent'?: string; 'allow-private'?: boolean; extractor?: string }, io: CliIo): Promise<number> {
  const loaded = tryConfig(values.config, io);
  const sec = loaded?.config.sec;
  const polling = loaded?.config.polling;
  const userAgent = values['user-agent'] ?? sec?.userAgent ?? null;
  if (/^https?:\/\//i.test(target) && !(userAgent && /@/.test(userAgent))) {
    throw new UsageError('reading EDGAR needs a User-Agent with a contact e-mail address (SEC fair access): set sec.userAgent in the config or pass --user-agent "Name you@example.com"');
  }
  const client = userAgent ? createSecClient({
    userAgent,
    limiter: createRateLimiter({ perWindow: sec?.maxRequestsPerSecond ?? 10 }),
    timeoutMs: polling?.timeoutMs ?? 20_000,
    maxBytes: polling?.maxBytes ?? 10 * 1024 * 1024,
    allowPrivateAddresses: values['allow-private'] || (polling?.allowPrivateAddresses ?? false),
  }) : null;
  const { extractor, close } = openCliExtractor(values, io);
  try {
    const r = await inspectFiling(target, {
      extractor,
      client,
      bases: sec ? { baseUrl: sec.baseUrl, dataUrl: sec.dataUrl } : undefined,
      maxBytes: polling?.maxBytes ?? 50 * 1024 * 1024,
    });
    if (values.json) {
      io.out(JSON.stringify({ ok: r.ok, company: r.company, cik: r.cik, form: r.form, filed: r.filed, items: r.items, section: r.section, changes: r.changes.map(changeForJsonl), error: r.error }));
      return r.ok ? 0 : 1;
    }
    if (!r.ok && !r.analysis) {
      io.out(`${target}: not readable\n  error: ${r.error}`);
      return 1;
    }
    const a = r.analysis!;
    io.out(target);
    io.out(`  company:  ${r.company ?? '(not found)'}${r.cik ? ` (CIK ${r.cik})` : ''}${a.organization && a.organization !== r.company ? `; changes name it "${a.organization}"` : ''}`);
    io.out(`  form:     ${r.form ?? '(unknown)'}${r.filed ? `, filed ${r.filed}` : a.reportDate ? `, date of report ${a.reportDate}` : ''} [${a.format}]`);
    io.out(`  items:    ${r.items.join(', ') || '(none found)'}${a.numbering === 'old' ? ' (the numbering before August 2004: there was no Item 5.02; not read)' : ''}`);
    if (!r.section) io.out('  section:  no Item 5.02 section');
    else io.out(`  section:  Item 5.02 (${r.section.length} characters${a.dropped ? `; ${a.dropped} sentences about pay or boilerplate left out` : ''})${a.amendment ? '; an amendment: its changes confirm earlier alerts, they never start one' : ''}`);
    if (r.error) io.out(`  error:    ${r.error}`);
    if (r.section && !r.changes.length) io.out(`  changes:  none${a.prepared ? '' : ' (the section is only about pay or agreements)'}`);
    for (const c of r.changes) io.out(`  - ${headline(c)}\n      “${c.evidence.replace(/\s+/g, ' ').slice(0, 300)}”`);
    return r.ok ? 0 : 1;
  } finally {
    close();
    client?.close();
  }
}

export const secCommand: CliCommand = {
  name: 'sec',
  summary: 'SEC EDGAR: inspect one 8-K (file or URL) and show its Item 5.02 section and changes',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      'user-agent': { type: 'string' },
      'allow-private': { type: 'boolean' },
      ...EXTRACTOR_OPTION,
    }, true);
    const [sub, target, ...extra] = positionals;
    if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    if (sub !== 'inspect') throw new UsageError(sub ? `unknown subcommand ${JSON.stringify(sub)}` : 'which subcommand? inspect');
    if (!target) throw new UsageError('sec inspect needs a file or a URL');
    return inspect(target, values, io);
  },
};
