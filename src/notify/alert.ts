import type { LeadershipChange } from '../core/change.js';
import type { DeliveryFailure } from '../ports/deliveries.js';

export interface AlertSource {
  title: string;
  url: string | null;
  feed: string | null;
  publishedAt: string | null;
}

/** The SEC filing among an alert's reports ("SEC 8-K, Item 5.02", its link and date). */
export interface AlertFiling {
  form: string;
  url: string | null;
  /** ISO date the filing was filed. */
  filed: string | null;
  /** News reported the change too: the filing confirms it. */
  confirms: boolean;
}

/** What a target shows: one change (or one merged event) with where it was reported. */
export interface Alert {
  /** Stable identity: the same key is posted once and edited afterwards. */
  key: string;
  change: LeadershipChange;
  sources: AlertSource[];
  confidence: number;
  notes: string[];
  /** Set when an SEC filing reports the change (src/sec). */
  filing?: AlertFiling | null;
}

/** "SEC 8-K, Item 5.02" (or "SEC 8-K/A, Item 5.02"). */
export const filingLabel = (f: Pick<AlertFiling, 'form'>): string => `SEC ${f.form}, Item 5.02`;

/** What delivery tells a target about the send it asks for. */
export interface SendContext {
  /** Stable per (alert, target): a target that can deduplicate (a bot channel's nonce) uses it. */
  idempotencyKey: string;
}

/** A place alerts go: the console, a webhook, a channel. */
export interface AlertTarget {
  readonly id: string;
  /** The target deduplicates a retried post by its idempotency key (a bot channel's enforced nonce). */
  readonly dedupes?: boolean;
  /** Posts the alert; returns the message id when the target can edit it later. */
  send(alert: Alert, context?: SendContext): Promise<string | null>;
  edit?(messageId: string, alert: Alert): Promise<void>;
  /**
   * What the target would post, for telling whether an edit changes anything; the alert itself
   * when absent. Kept stable: posted messages are compared by its fingerprint.
   */
  payload?(alert: Alert): unknown;
  /** What a failed send or edit means (the platform's errors read by the platform's adapter); transient when absent. */
  failure?(err: unknown): DeliveryFailure;
}

/** A failure a target did not explain: retried, as a network error would be. */
export function unexplainedFailure(err: unknown): DeliveryFailure {
  return { kind: 'transient', message: err instanceof Error ? err.message : String(err) };
}

/** What the extractors write when no organisation was found: the alert says so in words. */
export const ORGANIZATION_NOT_NAMED = 'organisation not named in the item';

/** Whether the change names its organisation ("unknown" and blanks do not count). */
export function organizationNamed(name: string | null | undefined): boolean {
  const n = (name ?? '').trim().toLowerCase();
  return n !== '' && n !== 'unknown' && n !== 'n/a' && n !== 'none';
}

const words = (s: string): string => ` ${s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** The organisation as shown: its name, or that the item did not name one. */
export function organizationLabel(change: LeadershipChange): string {
  return organizationNamed(change.organization.name) ? change.organization.name : ORGANIZATION_NOT_NAMED;
}

/**
 * "Daniel Zhang → acting President, Alibaba Cloud Intelligence" / "Jeff Zhang ✕ leaves president
 * of Alibaba Cloud Intelligence" (the title already names the organisation: said once) /
 * "Sofia Rossi → chief executive (organisation not named in the item)". Plain text.
 */
export function headline(change: LeadershipChange): string {
  const title = `${change.interim && !/\b(acting|interim)\b/i.test(change.role.title) ? 'interim ' : ''}${change.role.title}`;
  const arrow = change.direction === 'in' ? '→' : '✕';
  const verb = change.direction === 'in' ? '' : 'leaves ';
  const org = change.organization.name.trim();
  const named = organizationNamed(org);
  const inTitle = named && [' of', ' at', ' for'].some((p) => words(title).includes(`${p}${words(org)}`));
  const where = !named ? ` (${ORGANIZATION_NOT_NAMED})` : inTitle ? '' : `, ${org}`;
  return `${change.person.name} ${arrow} ${verb}${title}${where}`;
}
