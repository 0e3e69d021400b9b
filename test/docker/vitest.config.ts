import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:docker`: builds the image and runs it. Slow (minutes), so not part of `npm test`.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/docker/**/*.test.ts'],
    reporters: ['default'],
    testTimeout: 10 * 60_000,
    hookTimeout: 30 * 60_000,
    pool: 'forks',
  },
});
