import { z } from 'zod';
import { UserError } from './command.js';

/** "Alibaba, Tencent ,  ByteDance" → ["Alibaba", "Tencent", "ByteDance"] (case kept for display). */
export const listOption = z
  .string()
  .nullable()
  .transform((s) => (s ?? '').split(/[,;\n]/).map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(100, 'each name must be at most 100 characters')).max(25, 'at most 25 names'));

export const nameOption = z.string().trim().min(1, 'the name is empty').max(100, 'at most 100 characters');

/** Parses slash options once with zod; a failure is the user's to fix, with the option named. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `\`${issue.path.join('.')}\`: ` : '';
  throw new UserError(`${where}${issue?.message ?? 'invalid option'}`);
}
