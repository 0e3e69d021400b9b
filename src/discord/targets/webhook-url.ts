export interface WebhookParts {
  id: string;
  token: string;
  /** The API base the webhook lives on: what discord.js's `rest.api` takes (`https://discord.com/api`). */
  apiBase: string;
}

export const DISCORD_API = 'https://discord.com/api';
const OFFICIAL_HOSTS = /^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/i;

/**
 * An API base as one spelling: no trailing slash or version segment, and Discord's own hosts
 * (discordapp.com, ptb., canary.) as https://discord.com/api, so two spellings compare equal.
 */
export function canonicalApiBase(base: string): string {
  const b = base.replace(/(?<!\/)\/+$/, '').replace(/\/v\d+$/, '');
  try {
    return OFFICIAL_HOSTS.test(new URL(b).hostname) ? DISCORD_API : b;
  } catch {
    return b;
  }
}

/**
 * WebhookClient({ url }) accepts only discord.com URLs, so the id, the token and the host's API
 * base are read here: a webhook on a Discord-compatible server (or a test's emulator) is posted
 * to that server, never to discord.com.
 */
export function parseWebhookUrl(url: string): WebhookParts {
  const refuse = () => new Error('DISCORD_WEBHOOK_URL: expected a URL ending in /webhooks/<id>/<token>');
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw refuse();
  }
  const at = u.pathname.lastIndexOf('/webhooks/');
  const [id = '', token = '', ...rest] = at === -1 ? [] : u.pathname.slice(at + '/webhooks/'.length).split('/');
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !/^\d+$/.test(id) || !/^[\w-]+$/.test(token) || rest.some(Boolean)) throw refuse();
  return { id, token, apiBase: canonicalApiBase(`${u.origin}${u.pathname.slice(0, at)}`) };
}

export function splitWebhookUrls(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}
