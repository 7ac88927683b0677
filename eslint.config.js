// Lint gate: zero warnings, and the engine stays pure (no UI, DOM or platform imports).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const uiAndPlatform = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*',
  'monaco-yaml', 'cytoscape', 'cytoscape-*', 'node:*', 'fs', 'path', 'os', 'child_process', 'process'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'playwright-report/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.tsx', 'src/features/**/*.ts', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: uiAndPlatform, message: 'src/engine is pure TypeScript: no UI, DOM or node:* imports.' }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'fetch', 'setTimeout', 'setInterval', 'process', 'console'],
    },
  },
  {
    files: ['src/lessons/**/*.ts'],
    ignores: ['src/lessons/**/*.test.ts', 'src/lessons/read-folder.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: uiAndPlatform, message: 'src/lessons imports the engine only.' }],
      }],
    },
  },
);
