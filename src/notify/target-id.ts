/**
 * Where an alert goes, as a value. The outbox and the log keep it as text (`channel:ID`,
 * `webhook:ID`, `console`); this file is the only one that writes or reads that text.
 */
export type TargetRef =
  | { kind: 'channel'; channelId: string }
  | { kind: 'webhook'; webhookId: string }
  | { kind: 'console' }
  /** A target id this version does not know (a test's, or one a later version wrote). */
  | { kind: 'other'; id: string };

export function targetId(ref: TargetRef): string {
  switch (ref.kind) {
    case 'channel': return `channel:${ref.channelId}`;
    case 'webhook': return `webhook:${ref.webhookId}`;
    case 'console': return 'console';
    case 'other': return ref.id;
  }
}

export function parseTargetId(id: string): TargetRef {
  const colon = id.indexOf(':');
  const kind = colon > 0 ? id.slice(0, colon) : id;
  const rest = colon > 0 ? id.slice(colon + 1) : '';
  if (kind === 'channel' && rest) return { kind: 'channel', channelId: rest };
  if (kind === 'webhook' && rest) return { kind: 'webhook', webhookId: rest };
  if (id === 'console') return { kind: 'console' };
  return { kind: 'other', id };
}
