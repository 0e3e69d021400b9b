import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import regexp from 'eslint-plugin-regexp';

// Storage is reached through its contracts only (src/ports); src/main.ts and src/cli build the stores.
const STORAGE_THROUGH_PORTS = { group: ['**/store/**', 'better-sqlite3'], message: 'Import the contract from src/ports; src/main.ts and src/cli wire the SQLite stores in.' };

// Evaluation code is for the CLI (`execwatch eval`, `events --evaluate`), the benches and the tests.
const EVALUATION_OUTSIDE = { group: ['**/evaluation/**'], message: 'Evaluation code is imported only by src/cli, bench and test.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The pure core must not reach the edges (timelines, digests and exports are pure too:
    // rendering lives in src/render), nor the evaluation code, which measures it from outside.
    files: ['src/core/**', 'src/extract/**', 'src/timeline/**', 'src/digest/**', 'src/export/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['discord.js', 'better-sqlite3', 'openai', 'undici', 'node:http', 'node:https', 'rss-parser', 'pino', 'vega', 'vega-lite', '@resvg/resvg-js'], message: 'The core stays platform-free.' },
          { group: ['**/store/**', '**/discord/**', '**/notify/**', '**/feeds/**', '**/llm/**', '**/pipeline/**', '**/ops/**', '**/cli/**', '**/config/**', '**/render/**'], message: 'The core imports only the core.' },
          EVALUATION_OUTSIDE,
        ],
      }],
    },
  },
  {
    // Evaluation (gold formats, the scorer, the halves, the merge evaluation) reads the core and
    // is read by the CLI, the benches and the tests only.
    files: ['src/evaluation/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['discord.js', 'better-sqlite3', 'openai', 'undici', 'node:http', 'node:https', 'rss-parser', 'pino', 'vega', 'vega-lite', '@resvg/resvg-js'], message: 'Evaluation stays platform-free.' },
          { group: ['**/store/**', '**/discord/**', '**/notify/**', '**/feeds/**', '**/llm/**', '**/pipeline/**', '**/ops/**', '**/cli/**', '**/config/**', '**/render/**', '**/ports/**'], message: 'Evaluation imports only the core.' },
        ],
      }],
    },
  },
  {
    // Storage is reached through its contracts only (src/ports: record types, store interfaces,
    // the unit of work), so a second backend replaces src/store without touching these layers.
    // The wiring (src/main.ts, src/cli) is what builds stores and hands them in.
    files: ['src/discord/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [STORAGE_THROUGH_PORTS, EVALUATION_OUTSIDE] }],
    },
  },
  {
    // Delivery and the pipeline are platform-free as well: Discord is one adapter (src/discord:
    // its targets, REST client, error reading, embed and markdown), handed in by the wiring.
    // (One block per folder set: a later block's no-restricted-imports replaces an earlier one's.)
    files: ['src/pipeline/**', 'src/notify/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          STORAGE_THROUGH_PORTS,
          EVALUATION_OUTSIDE,
          { group: ['discord.js', '@discordjs/*', '**/discord/**'], message: 'Discord is an adapter: src/discord implements AlertTarget/DigestTarget; src/main.ts wires it in.' },
        ],
      }],
    },
  },
  {
    // The ports are contracts over the domain: they import the core and nothing that implements them.
    files: ['src/ports/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['discord.js', 'better-sqlite3', 'openai', 'undici', 'node:*', 'rss-parser', 'pino'], message: 'Ports stay platform-free.' },
          { group: ['**/store/**', '**/discord/**', '**/notify/**', '**/feeds/**', '**/llm/**', '**/pipeline/**', '**/ops/**', '**/cli/**', '**/config/**', '**/render/**', '**/sec/**', '**/articles/**', '**/evaluation/**'], message: 'Ports import only the core.' },
        ],
      }],
    },
  },
  {
    // Every store call is asynchronous: a forgotten await would run a write outside its unit of
    // work or drop its error, so a promise must be awaited, returned or handed on explicitly.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // No item may stall the process: every regex reading feed text must run in linear time. The
    // recommended set's correctness rules stay on; its pure style rules (capturing groups left
    // unused, \w over [A-Za-z0-9_] …) are off, as they would rewrite working code for taste.
    files: ['src/**/*.ts'],
    ...regexp.configs['flat/recommended'],
    rules: {
      ...regexp.configs['flat/recommended'].rules,
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-unused-capturing-group': 'off',
      'regexp/prefer-w': 'off',
      'regexp/prefer-d': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/control-character-escape': 'off',
      'regexp/sort-flags': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/no-useless-non-capturing-group': 'off',
      'regexp/no-useless-character-class': 'off',
      'regexp/optimal-quantifier-concatenation': 'off',
      'regexp/no-dupe-characters-character-class': 'off',
    },
  },
);
