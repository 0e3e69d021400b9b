/** USD per million tokens. */
export interface TokenPrice {
  input: number;
  output: number;
}

// OpenAI list prices (standard tier) as published in 2025-2026; they change, so config
// `extractor.prices` overrides or extends this table. Self-hosted models cost nothing per token.
export const DEFAULT_PRICES: Readonly<Record<string, TokenPrice>> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1': { input: 2, output: 8 },
};

/** The price for a model: the config's, else the table's; a dated snapshot falls back to its family. */
export function priceFor(model: string, overrides: Readonly<Record<string, TokenPrice>> = {}): TokenPrice | null {
  const table = { ...DEFAULT_PRICES, ...overrides };
  if (table[model]) return table[model];
  const family = model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
  return table[family] ?? null;
}

export function costUsd(price: TokenPrice, promptTokens: number, completionTokens: number): number {
  return (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}

export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}
