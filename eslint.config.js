import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Engines (packages/*) are pure: no filesystem, network, environment, ambient clock or randomness.
const engineBans = {
  'no-restricted-imports': ['error', {
    paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https', 'child_process', 'node:child_process', 'os', 'node:os'].map((name) => ({ name, message: 'Engines never touch the filesystem, network, processes or OS; inject what you need.' })),
  }],
  'no-restricted-syntax': ['error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No hidden clock in engines: take a Clock.' },
    { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No hidden clock in engines: take a Clock.' },
    { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No ambient randomness in engines: take a RandomSource.' },
    { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Engines never read the environment.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'demo-pki/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', crypto: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', performance: 'readonly', globalThis: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/*/src/**/*.test.ts', 'packages/crypto/src/node/**'],
    rules: engineBans,
  },
);
