import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering of @lift-sys/observability: the framework-free core (core, decorators, conventions,
 * span, sampling) knows nothing of HTTP, Nest or the SDK setup; the HTTP layer builds on the core
 * and is told the rest through its options; only `nest/` wires everything together. Apps use the
 * packages as their users do, through their entry points. Specs are exempt: they may build a Nest
 * app to test a decorator.
 */
const FRAMEWORK_FREE = 'libs/observability/src/{core,decorators,conventions,span,sampling}/**/*.ts';
const LAYERS = {
  nest: { regex: '^@nestjs/', message: 'The framework-free core must not depend on Nest.' },
  upward: {
    regex: '^(\\.\\./)+(http|nest|sdk)(/|$)',
    message: 'The framework-free core must not import the HTTP layer, the Nest module or the SDK setup.',
  },
  httpUpward: {
    regex: '^(\\.\\./)+(nest|sdk)(/|$)',
    message: 'The HTTP layer gets what it needs through its options; it must not import the Nest module or the SDK setup.',
  },
  librarySources: {
    regex: '(^|/)libs/|^@lift-sys/[^/]+/(src|dist)(/|$)',
    message:
      "Apps import the packages' entry points (@lift-sys/observability, @lift-sys/observability/testing, ...), never their files.",
  },
};

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'coverage/**', '.traces/**', 'test/pack/fixtures/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: [FRAMEWORK_FREE],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LAYERS.nest, LAYERS.upward] }] },
  },
  {
    files: ['libs/observability/src/http/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LAYERS.httpUpward] }] },
  },
  {
    files: ['apps/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LAYERS.librarySources] }] },
  },
);
