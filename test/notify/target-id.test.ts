import { describe, expect, it } from 'vitest';
import { parseTargetId, targetId, type TargetRef } from '../../src/notify/target-id.js';

describe('target ids', () => {
  it('writes each kind of target as the text the outbox keeps, and reads it back', () => {
    const refs: TargetRef[] = [{ kind: 'channel', channelId: '123' }, { kind: 'webhook', webhookId: '456' }, { kind: 'console' }];
    expect(refs.map(targetId)).toEqual(['channel:123', 'webhook:456', 'console']);
    for (const ref of refs) expect(parseTargetId(targetId(ref))).toEqual(ref);
  });

  it('keeps an id it does not know as it is, never as a channel', () => {
    for (const id of ['channel:', 'webhook', 'pager:9', 'channels:1']) expect(parseTargetId(id)).toEqual({ kind: 'other', id });
  });
});
