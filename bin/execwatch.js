#!/usr/bin/env node
// Runs the compiled CLI when this is a built install (the Docker image ships dist/ only), and
// the TypeScript sources through tsx otherwise, so `npm ci && npm start` needs no build step.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli', 'entry.ts');
const compiled = join(root, 'dist', 'cli', 'entry.js');

if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(compiled).href);
}
