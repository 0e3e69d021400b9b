import type { DeliveryStore } from '../store/delivery-store.js';
import type { Alert, AlertTarget } from './alert.js';

export interface DeliveryLogger {
  warn(obj: object, msg: string): void;
}

export interface DeliveryResult {
  target: string;
  outcome: 'sent' | 'edited' | 'skipped' | 'failed';
  error?: string;
}

export interface Delivery {
  /** Posts an alert to every target once; a later call with the same key edits what was posted. */
  deliver(alert: Alert, targets?: readonly AlertTarget[]): Promise<DeliveryResult[]>;
}

export function createDelivery(deps: {
  targets: readonly AlertTarget[];
  store: DeliveryStore;
  logger: DeliveryLogger;
  now?: () => Date;
}): Delivery {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  async function toTarget(alert: Alert, target: AlertTarget): Promise<DeliveryResult> {
    const existing = deps.store.get(alert.key, target.id);
    try {
      if (existing?.status === 'sent') {
        if (!existing.messageId || !target.edit) return { target: target.id, outcome: 'skipped' };
        await target.edit(existing.messageId, alert);
        return { target: target.id, outcome: 'edited' };
      }
      deps.store.claim(alert.key, target.id, now());
      const messageId = await target.send(alert);
      deps.store.markSent(alert.key, target.id, messageId, now());
      return { target: target.id, outcome: 'sent' };
    } catch (err) {
      const error = (err as Error).message;
      if (existing?.status !== 'sent') deps.store.markFailed(alert.key, target.id, error, now());
      deps.logger.warn({ target: target.id, alert: alert.key, err: error }, 'alert delivery failed');
      return { target: target.id, outcome: 'failed', error };
    }
  }
  return {
    async deliver(alert, targets = deps.targets) {
      return Promise.all(targets.map((t) => toTarget(alert, t)));
    },
  };
}
