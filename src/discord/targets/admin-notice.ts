import type { REST } from 'discord.js';
import type { Logger } from '../../core/log.js';

/** Says something operational to the admin channel (when there is one) and always to the log. */
export type AdminNotice = (text: string, details?: object) => Promise<void>;

export function createAdminNotice(deps: { rest: REST | null; adminChannel: string | null; logger: Logger }): AdminNotice {
  return async (text, details = {}) => {
    deps.logger.warn({ ...details, notice: text }, 'admin notice');
    if (!deps.rest || !deps.adminChannel) return;
    try {
      await deps.rest.post(`/channels/${deps.adminChannel}/messages`, { body: { content: text.slice(0, 2000), allowed_mentions: { parse: [] } } });
    } catch (err) {
      deps.logger.warn({ err: (err as Error).message }, 'could not tell the admin channel');
    }
  };
}
