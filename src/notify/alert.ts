import type { LeadershipChange } from '../core/change.js';

export interface AlertSource {
  title: string;
  url: string | null;
  feed: string | null;
  publishedAt: string | null;
}

/** What a target shows: one change (or one merged event) with where it was reported. */
export interface Alert {
  /** Stable identity: the same key is posted once and edited afterwards. */
  key: string;
  change: LeadershipChange;
  sources: AlertSource[];
  confidence: number;
  notes: string[];
}

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
}

/** "Daniel Zhang → acting President, Alibaba Cloud Intelligence" / "Jeff Zhang ← President, …". */
export function headline(change: LeadershipChange): string {
  const title = `${change.interim && !/\b(acting|interim)\b/i.test(change.role.title) ? 'interim ' : ''}${change.role.title}`;
  const arrow = change.direction === 'in' ? '→' : '✕';
  const verb = change.direction === 'in' ? '' : 'leaves ';
  return `${change.person.name} ${arrow} ${verb}${title}, ${change.organization.name}`;
}
