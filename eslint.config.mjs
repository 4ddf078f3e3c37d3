import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Layers point one way: app/ -> components/ -> lib/. Each set below is what one layer may not import.
// Pattern syntax: https://eslint.org/docs/latest/rules/no-restricted-imports#patterns
const LIB_MESSAGE = 'lib/ serves app/ and components/; it never imports them, nor the sandbox (a peer reached over HTTP).';
const LIB_LAYER = {
  patterns: [
    { group: ['@/app', '@/components', '@/sandbox'], message: LIB_MESSAGE },
    { regex: String.raw`^(\.\./)+(app|components|sandbox)(/|$)`, message: LIB_MESSAGE },
  ],
};

const AMAZON_PAY_MESSAGE =
  'Reach Amazon Pay through @/lib/amazon-pay/server (the configured client and the types the UI needs), @/lib/amazon-pay/terms (its codes in words) or a domain module in lib/.';
const UI_LAYER = {
  // A gitignore negation cannot re-include a path below an excluded one, so the package's own entry is a path.
  paths: [{ name: '@/lib/amazon-pay', message: AMAZON_PAY_MESSAGE }],
  patterns: [
    { group: ['@/sandbox'], message: 'The sandbox is a peer of the app, reached only through the HTTP API Amazon serves.' },
    { group: ['@/lib/amazon-pay/*', '!@/lib/amazon-pay/server', '!@/lib/amazon-pay/terms'], message: AMAZON_PAY_MESSAGE },
    { group: ['@/lib/ecomcharge', '@/lib/ecomcharge/*'], message: 'Reach eComCharge through lib/reports.' },
    {
      regex: String.raw`^(\.\./)+(sandbox|lib/amazon-pay|lib/ecomcharge)(/|$)`,
      message: 'Import through the @/ alias, which these rules check.',
    },
  ],
};

const noUi = (message) => ({ group: ['@/app', '@/components'], message });

const config = [
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      '.data/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**'],
    rules: { 'no-restricted-imports': ['error', LIB_LAYER] },
  },
  {
    files: ['app/**', 'components/**'],
    rules: { 'no-restricted-imports': ['error', UI_LAYER] },
  },
  {
    // Each file gets one set of options, so the route handlers' set repeats the UI layer's.
    files: ['app/**/route.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...UI_LAYER, patterns: [...UI_LAYER.patterns, noUi('Route handlers never import UI.')] },
      ],
    },
  },
  {
    files: ['scripts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noUi('Scripts use lib/, never the UI.')] }] },
  },
  {
    // Tests reach across layers on purpose: fixtures, the sandbox, the pieces under test.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
];

export default config;
