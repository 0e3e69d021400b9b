export interface WebhookParts { id: string; token: string }

/** WebhookClient({ url }) accepts only discord.com URLs, so the id and token are read here. */
export function parseWebhookUrl(url: string): WebhookParts {
  const m = /\/webhooks\/(\d+)\/([\w-]+)\/?(?:\?.*)?$/.exec(url);
  if (!m) throw new Error('DISCORD_WEBHOOK_URL: expected a URL ending in /webhooks/<id>/<token>');
  return { id: m[1]!, token: m[2]! };
}

export function splitWebhookUrls(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}
