import tseslint from 'typescript-eslint';

const nextOnly = ['next', 'next/*', 'next-auth', 'next-auth/*', 'server-only', 'react', 'react-dom', '@/app/*', '**/app/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', '.next*/**', '.data/**', 'db/migrations/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Business rules and the database layer know nothing of Next.js (docs/architecture.md).
    files: ['lib/**/*.ts', 'db/**/*.ts'],
    ignores: ['lib/email/templates/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: nextOnly, message: 'lib/ and db/ must not depend on Next.js, next-auth or app/.' }],
      }],
    },
  },
);
