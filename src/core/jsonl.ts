import type { z } from 'zod';

export class JsonlError extends Error {
  override readonly name = 'JsonlError';
}

/**
 * Parses JSON Lines with a schema, line by line, so that an error names `where:line` and the
 * field. Blank lines are skipped.
 */
export function parseJsonlWith<T>(text: string, where: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new JsonlError(`${where}:${i + 1}: not JSON: ${(e as Error).message}`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue && issue.path.length ? issue.path.join('.') : '(line)';
      throw new JsonlError(`${where}:${i + 1}: ${path}: ${issue?.message ?? 'invalid'}`);
    }
    out.push(parsed.data);
  }
  return out;
}
