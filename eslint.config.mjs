import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nextOnly = [
  'next',
  'next/*',
  'next-auth',
  'next-auth/*',
  'server-only',
  'react',
  'react-dom',
  '@/app/*',
  '**/app/**',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next*/**',
      '.data/**',
      'db/migrations/**',
      'next-env.d.ts',
      'playwright-report/**',
      'test-results/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: a promise nobody awaits loses its error (and, in a transaction, runs after it ends).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx'],
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...reactHooks.configs.recommended.rules,
      // app/ calls lib/ use cases; it never builds queries itself (docs/architecture.md).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', 'postgres'],
              message: 'app/ calls lib/ use cases; queries live in lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Business rules and the database layer know nothing of Next.js (docs/architecture.md).
    files: ['lib/**/*.ts', 'db/**/*.ts'],
    ignores: ['lib/email/templates/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: nextOnly, message: 'lib/ and db/ must not depend on Next.js, next-auth or app/.' }],
        },
      ],
    },
  },
);
