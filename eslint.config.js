// Import rules keep the layers honest (docs/ARCHITECTURE.md):
// - shared/ is pure: no node:*, electron, better-sqlite3, React or DOM-only libraries, and it
//   imports neither electron/ nor renderer/;
// - electron/ services (everything except the desktop shell files) never import 'electron',
//   so they run under plain Node in tests, the browser-mode host and scripts; they never
//   import the renderer;
// - renderer/ never imports electron/ (it talks to the main process through its API client);
// - no import cycles anywhere (import-x/no-cycle).
import js from '@eslint/js';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'child_process', 'crypto', 'url', 'net', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.native/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      // A cycle makes load order matter and layers meaningless (type-only imports vanish at run
      // time and are not counted).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // With noUncheckedIndexedAccess, `!` after a checked lookup is the honest way to say "present".
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
          { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
          { group: ['better-sqlite3'], message: 'shared/ must not touch the database.' },
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*'], message: 'shared/ must not import React.' },
          { group: ['../electron/*', '../../electron/*', '../renderer/*', '../../renderer/*'], message: 'shared/ depends on nothing else in the app.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'Only electron/shell/ may import electron: services must run under plain Node.' },
          { group: ['react', 'react-dom', '../renderer/*', '../../renderer/*'], message: 'The main process does not import the renderer.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not use the React Compiler; TanStack Table/Virtual are fine without it.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer never sees electron; use the typed API client.' },
          { group: ['better-sqlite3', ...nodeBuiltins], message: 'The renderer runs in a sandbox: no Node modules.' },
          { group: ['../electron/*', '../../electron/*', '../../../electron/*'], message: 'The renderer talks to the main process only through the API client.' },
        ],
      }],
    },
  },
);
