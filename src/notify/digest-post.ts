import { z } from 'zod';
import type { DeliveryFailure } from '../ports/deliveries.js';

/** A digest as it waits in the outbox: its messages as built, its chart as a spec (drawn when posted). */
export const DigestPostSchema = z.object({
  kind: z.literal('digest'),
  subscriptionId: z.number().int(),
  channelId: z.string(),
  periodKey: z.string(),
  late: z.boolean(),
  /** Discord markdown, each under the message limit (digestMessages). */
  messages: z.array(z.string()).min(1),
  /** A Vega-Lite spec (src/digest/chart.ts), or null with few changes. */
  chart: z.record(z.string(), z.unknown()).nullable(),
});
export type DigestPost = z.infer<typeof DigestPostSchema>;

/** Where a digest goes: a channel posted to by the bot. */
export interface DigestTarget {
  readonly id: string;
  /**
   * Posts the messages in order, the chart (a PNG) attached to the last one; the idempotency key
   * makes a retried post of the same digest come back as the first one. Returns the first message id.
   */
  send(messages: readonly string[], chart: Buffer | null, idempotencyKey: string): Promise<string>;
  /** What a failed post means (the platform's errors read by its adapter); transient when absent. */
  failure?(err: unknown): DeliveryFailure;
}
