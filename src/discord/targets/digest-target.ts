import type { REST } from 'discord.js';
import { parseTargetId, targetId } from '../../notify/target-id.js';
import { nonceFor } from './channel-target.js';
import { discordFailure } from './errors.js';
import type { DigestTarget } from '../../notify/digest-post.js';

const MISSING_PERMISSIONS = 50013;

/**
 * A digest to one channel through the bot's REST client. Each message has its own enforced nonce
 * (the digest's key and its place), so a retry after a crash mid-digest posts only what is missing
 * (within the few minutes Discord keeps nonces). Feed text never pings: allowed_mentions is empty.
 */
export function createDigestChannelTarget(rest: REST, channelId: string): DigestTarget {
  return {
    id: targetId({ kind: 'channel', channelId }),
    failure: discordFailure,
    async send(messages, chart, idempotencyKey) {
      let first: string | null = null;
      for (const [i, content] of messages.entries()) {
        const body = { content, allowed_mentions: { parse: [] }, nonce: nonceFor(`${idempotencyKey}|${i}`), enforce_nonce: true };
        const last = i === messages.length - 1;
        const files = last && chart ? [{ name: 'digest.png', data: chart, contentType: 'image/png' }] : undefined;
        let msg: { id: string };
        try {
          msg = (await rest.post(`/channels/${channelId}/messages`, files ? { body, files } : { body })) as { id: string };
        } catch (err) {
          // Attach Files is a permission of its own: without it the digest goes out without its picture.
          if (!files || (err as { code?: unknown }).code !== MISSING_PERMISSIONS) throw err;
          const note = '\n\n(The chart of this period is left out: the bot may not attach files in this channel.)';
          msg = (await rest.post(`/channels/${channelId}/messages`, { body: { ...body, content: `${content}${note}`.slice(0, 2000) } })) as { id: string };
        }
        first ??= msg.id;
      }
      return first!;
    },
  };
}

/** A digest target from its id (`channel:ID`): digests are posted by the bot to channels only. */
export function createDigestResolver(rest: REST): (targetId: string) => DigestTarget | undefined {
  return (id) => {
    const ref = parseTargetId(id);
    return ref.kind === 'channel' ? createDigestChannelTarget(rest, ref.channelId) : undefined;
  };
}
