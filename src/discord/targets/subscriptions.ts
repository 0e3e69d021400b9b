import type { REST } from 'discord.js';
import type { Logger } from '../../core/log.js';
import type { SubscriptionStore } from '../../ports/subscriptions.js';
import type { Alert, AlertTarget } from '../../notify/alert.js';
import { createChannelTarget } from './channel-target.js';
import { escapeText } from '../markdown.js';
import { matchesFilters } from '../../notify/subscription-match.js';
import { parseTargetId } from '../../notify/target-id.js';

/**
 * The channels whose active subscription an alert passes, as delivery targets. Digest
 * subscriptions get no alert: their changes go out in the period's summary (src/digest-runner).
 */
export function createSubscriptionRouter(subscriptions: SubscriptionStore, rest: REST): (alert: Alert) => Promise<AlertTarget[]> {
  const targets = new Map<string, AlertTarget>();
  const targetFor = (channelId: string): AlertTarget => {
    let t = targets.get(channelId);
    if (!t) targets.set(channelId, (t = createChannelTarget(rest, channelId)));
    return t;
  };
  return async (alert) => (await subscriptions.listActive()).filter((s) => s.mode === 'alert' && matchesFilters(s, alert)).map((s) => targetFor(s.channelId));
}

/** A channel target from its id: delivering alerts queued before a restart. */
export function createChannelResolver(rest: REST): (targetId: string) => AlertTarget | undefined {
  return (id) => {
    const ref = parseTargetId(id);
    return ref.kind === 'channel' ? createChannelTarget(rest, ref.channelId) : undefined;
  };
}

/**
 * Missing permissions or a deleted channel: pause that channel's subscription (so it stops costing
 * invalid requests) and say so in the admin channel and the log. Told once: a paused subscription
 * is not routed to again until someone runs /subscribe there.
 */
export function createUnreachableHandler(deps: {
  subscriptions: SubscriptionStore;
  rest: REST | null;
  adminChannel: string | null;
  logger: Logger;
  now: () => Date;
}): (targetId: string, reason: string) => Promise<void> {
  const told = new Set<string>(); // config channels and webhooks are not paused: say it once per run
  return async (targetId, reason) => {
    const ref = parseTargetId(targetId);
    const channelId = ref.kind === 'channel' ? ref.channelId : null;
    const paused = channelId ? await deps.subscriptions.pause(channelId, reason, deps.now().toISOString()) : false;
    const what = channelId ? `<#${channelId}>` : targetId;
    const text = paused
      ? `execwatch paused the subscription of ${what}: ${escapeText(reason)}. Fix the bot's permissions there, then run /subscribe in that channel to resume.`
      : `execwatch cannot post to ${what}: ${escapeText(reason)}.`;
    deps.logger.warn({ target: targetId, reason, paused }, 'alert target unreachable');
    if (!deps.rest || !deps.adminChannel || deps.adminChannel === channelId) return;
    if (!paused && channelId && (await deps.subscriptions.get(channelId))) return; // already paused and reported
    if (!paused && told.has(targetId)) return;
    told.add(targetId);
    try {
      await deps.rest.post(`/channels/${deps.adminChannel}/messages`, { body: { content: text, allowed_mentions: { parse: [] } } });
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, 'could not tell the admin channel');
    }
  };
}
