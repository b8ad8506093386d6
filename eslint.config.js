// Lint enforces the import rules of ARCHITECTURE.md (which layer may import which) and forbids `any`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A later config replaces an earlier one's rule options, so every layer repeats the rule for all of src/.
const noScripts = { group: ['**/scripts/**'], message: 'src/ never imports scripts/.' };
const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: [noScripts, ...patterns] }] } });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['migrations/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.mjs', 'scripts/**'], languageOptions: { globals: { process: 'readonly', console: 'readonly', WebAssembly: 'readonly' } } },
  layer(['src/**'], []),
  // platform/: infrastructure with no newsroom knowledge.
  layer(['src/platform/**'], [
    { group: ['**/http/**', '**/features/**', '**/editor/**', '**/db-schema*', '**/deps*', '**/server*', '**/main*'], message: 'platform/ imports only node:, npm packages and platform/.' },
  ]),
  // http/: the shared web kit; it knows platform/, not features.
  layer(['src/http/**'], [{ group: ['**/features/**', '**/deps*', '**/server*', '**/main*', '**/db-schema*'], message: 'http/ imports only platform/ and http/.' }]),
  // editor/: pure, runs in the browser too.
  layer(['src/editor/**'], [
    { group: ['node:*', '../*', '!./*'], message: 'editor/ is pure and browser-safe: no node:, nothing outside editor/.' },
  ]),
  // features/: another feature only through its index.ts.
  layer(['src/features/*/*.ts', 'src/features/*/*.tsx'], [
    { regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+', message: 'Import another feature only through its index.js.' },
  ]),
  layer(['src/features/*/*/**'], [
    { regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+', message: 'Import another feature only through its index.js.' },
  ]),
);
