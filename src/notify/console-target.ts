import type { Alert, AlertTarget } from './alert.js';
import { headline, organizationLabel, organizationNamed } from './alert.js';
import { outletName, plainText } from './plain-text.js';
import { targetId } from './target-id.js';

export interface ConsoleTargetOptions {
  /** Where the lines go (stdout by default). */
  write?: (line: string) => void;
  /**
   * Lines for a person at a terminal (default: whether stdout is a TTY). Without one (Docker,
   * systemd, a pipe) each alert is one JSON line, like the log lines around it.
   */
  tty?: boolean;
  /** The time zone times are shown in (default: the machine's). */
  timeZone?: string;
  now?: () => Date;
}

const outletsOf = (alert: Alert): string[] => [...new Set(alert.sources.map((s) => outletName(s.url, s.feed)))];

/** The alert as plain data, with no Discord markup: what the JSON line carries. */
function alertRecord(alert: Alert) {
  const c = alert.change;
  return {
    key: alert.key,
    headline: plainText(headline(c)),
    person: plainText(c.person.name),
    direction: c.direction,
    role: plainText(c.role.title),
    organization: organizationNamed(c.organization.name) ? plainText(c.organization.name) : null,
    interim: c.interim,
    effectiveDate: c.effectiveDate,
    confidence: Math.round(alert.confidence * 100) / 100,
    evidence: plainText(c.evidence),
    sources: alert.sources.map((s) => ({ outlet: outletName(s.url, s.feed), url: s.url ? plainText(s.url) : null, publishedAt: s.publishedAt })),
    outlets: outletsOf(alert).length,
    notes: alert.notes.map(plainText),
  };
}

/**
 * The target with no Discord credentials: alerts for the operator to read. At a terminal, a few
 * lines per alert in local time (no Discord markup), and a line when a later report of the same
 * change comes in; otherwise one JSON line per alert. Feed text is shown plain, its control and
 * invisible characters removed (a feed cannot send escape sequences to the terminal).
 */
export function createConsoleTarget(options: ConsoleTargetOptions = {}): AlertTarget {
  const write = options.write ?? ((l: string) => void process.stdout.write(`${l}\n`));
  const tty = options.tty ?? Boolean(process.stdout.isTTY);
  const now = options.now ?? (() => new Date());
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: options.timeZone });
  const local = (iso: string | null): string | null => {
    const t = Date.parse(iso ?? '');
    return Number.isFinite(t) ? format.format(t) : null;
  };

  function text(alert: Alert): string {
    const c = alert.change;
    const extra = [
      c.effectiveDate ? `effective ${plainText(c.effectiveDate)}` : null,
      c.reason ? `reason: ${c.reason}` : null,
      c.counterpart ? `${c.counterpart.relation === 'succeeds' ? 'succeeds' : 'succeeded by'} ${plainText(c.counterpart.name)}` : null,
      c.destination ? `next: ${plainText(c.destination)}` : null,
    ].filter(Boolean);
    return [
      `[execwatch] ${plainText(headline(c))}`,
      `  ${c.direction === 'in' ? 'appointed' : 'leaving'}${c.interim ? ' (interim)' : ''} · ${plainText(organizationLabel(c))} · confidence ${Math.round(alert.confidence * 100)}%`,
      ...(extra.length ? [`  ${extra.join(' · ')}`] : []),
      `  “${plainText(c.evidence)}”`,
      ...alert.sources.map((s) => {
        const when = local(s.publishedAt);
        return `  source: ${outletName(s.url, s.feed)}${when ? `, ${when}` : ''}${s.url ? ` — ${plainText(s.url)}` : ''}`;
      }),
      ...alert.notes.map((n) => `  note: ${plainText(n)}`),
    ].join('\n');
  }

  const json = (msg: string, alert: Alert) => JSON.stringify({ level: 30, time: now().toISOString(), msg, alert: alertRecord(alert) });

  return {
    id: targetId({ kind: 'console' }),
    async send(alert: Alert) {
      write(tty ? text(alert) : json('alert', alert));
      // A message id, so that a later report of the same change comes back as an edit.
      return `console:${alert.key}`;
    },
    async edit(_messageId: string, alert: Alert) {
      const outlets = outletsOf(alert);
      if (!tty) return write(json('alert updated', alert));
      write([
        `[execwatch] updated: reported by ${outlets.length} outlet${outlets.length === 1 ? '' : 's'} — ${plainText(headline(alert.change))}`,
        `  outlets: ${outlets.join(', ')}`,
        ...alert.notes.filter((n) => !/^Reported by \d+ outlets/.test(n)).map((n) => `  note: ${plainText(n)}`),
      ].join('\n'));
    },
  };
}
