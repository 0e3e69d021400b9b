import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import regexp from 'eslint-plugin-regexp';

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
    // The pure core must not reach the edges.
    files: ['src/core/**', 'src/extract/**', 'src/eval/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['discord.js', 'better-sqlite3', 'openai', 'undici', 'node:http', 'node:https', 'rss-parser', 'pino'], message: 'The core stays platform-free.' },
          { group: ['**/store/**', '**/discord/**', '**/notify/**', '**/feeds/**', '**/llm/**', '**/pipeline/**', '**/ops/**', '**/cli/**', '**/config/**'], message: 'The core imports only the core.' },
        ],
      }],
    },
  },
  {
    // No item, however long or strange, may stall extraction: its regexes must run in linear time.
    files: ['src/extract/**'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
);
