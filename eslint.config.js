// Lint gate: zero warnings, and every layer imports only the layers below it:
// app -> features -> store -> lessons -> topics -> core -> kube (cli uses lessons, topics, core, kube).
// Topics never import each other, and everything below the store is pure TypeScript (no UI, DOM or node:*).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const uiAndPlatform = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'monaco-editor', 'monaco-editor/*',
  'monaco-yaml', 'cytoscape', 'cytoscape-*', 'node:*', 'fs', 'path', 'os', 'child_process', 'process'];

/** An import of one of these top folders of src/, by relative path. */
const layer = (names, message) => ({ regex: `^(\\.\\.?/)+(${names.join('|')})(/|$)`, message });

/** The no-restricted-imports rule for a layer: these folders above it, plus UI and platform code when pure. */
const restrict = (above, what, pure = true) => ['error', {
  patterns: [
    layer(above, `${what} may not import ${above.join(', ')} (a layer above it).`),
    ...(pure ? [{ group: uiAndPlatform, message: `${what} is pure TypeScript: no UI, DOM or node:* imports.` }] : []),
  ],
}];

const pureGlobals = ['error', 'window', 'document', 'localStorage', 'fetch', 'setTimeout', 'setInterval', 'process', 'console'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'bench/out/**'] },
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
    files: ['src/kube/**/*.ts'],
    ignores: ['src/kube/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(['core', 'topics', 'lessons', 'store', 'features', 'ui', 'app', 'cli'], 'src/kube'),
      'no-restricted-globals': pureGlobals,
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(['topics', 'lessons', 'store', 'features', 'ui', 'app', 'cli'], 'src/core'),
      'no-restricted-globals': pureGlobals,
    },
  },
  // A topic's own files: below the lessons, pure, and never another topic (`../rbac/...` from netpol). In a
  // topic's sub-folder (view/), the sibling topics are two levels up.
  ...[['src/topics/*/*.ts', '^\\.\\./(?!\\.\\./)[^/]+'], ['src/topics/*/*/**/*.ts', '^\\.\\./\\.\\./(?!\\.\\./)[^/]+']].map(([files, sibling]) => ({
    files: [files],
    ignores: ['src/topics/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          layer(['lessons', 'store', 'features', 'ui', 'app', 'cli'], 'A topic may not import lessons, store, features, ui, app or cli (layers above it).'),
          { regex: sibling, message: 'Topics never import each other: move what both need to src/core or src/kube.' },
          { group: uiAndPlatform, message: 'Topics are pure TypeScript: no UI, DOM or node:* imports.' },
        ],
      }],
      'no-restricted-globals': pureGlobals,
    },
  })),
  {
    files: ['src/topics/*.ts'],
    rules: { 'no-restricted-imports': restrict(['lessons', 'store', 'features', 'ui', 'app', 'cli'], 'src/topics') },
  },
  {
    files: ['src/lessons/**/*.ts'],
    // read-folder.ts and test-grading.ts read lesson folders from disk (Node: tests and the CLI only).
    ignores: ['src/lessons/**/*.test.ts', 'src/lessons/read-folder.ts', 'src/lessons/test-grading.ts'],
    rules: { 'no-restricted-imports': restrict(['store', 'features', 'ui', 'app', 'cli'], 'src/lessons') },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(['features', 'app', 'cli'], 'src/store', false) },
  },
  {
    // Generic UI pieces: React and Cytoscape, fed with plain data; no store, no topic, no feature.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(['topics', 'lessons', 'store', 'features', 'app', 'cli'], 'src/ui', false) },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(['app', 'cli'], 'src/features', false) },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          layer(['store', 'features', 'ui', 'app'], 'src/cli may not import the app (store, features, ui, app).'),
          { group: ['react', 'react-dom', 'zustand', 'monaco-editor', 'monaco-yaml', 'cytoscape'], message: 'The CLI runs in Node: no UI code.' },
        ],
      }],
    },
  },
);
