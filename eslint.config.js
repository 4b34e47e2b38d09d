// @ts-check
// The layer rule of ARCHITECTURE.md, enforced: each folder may import only from the folders below it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** @param {string[]} forbidden folders this layer must not import from */
const layer = (forbidden) => ({
  'no-restricted-imports': ['error', {
    patterns: forbidden.map((f) => ({
      group: [`**/${f}/*`, `../${f}`, `../../${f}`],
      message: `ARCHITECTURE.md: this layer must not import from src/${f}.`,
    })),
  }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'var/**', 'dist/**', 'test-results/**', 'src/client/static/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/shared/**'], rules: layer(['domain', 'db', 'import', 'server', 'client', 'cli']) },
  { files: ['src/domain/**'], rules: layer(['db', 'import', 'server', 'client', 'cli']) },
  { files: ['src/db/**'], rules: layer(['import', 'server', 'client', 'cli']) },
  { files: ['src/import/**'], rules: layer(['server', 'client', 'cli']) },
  { files: ['src/server/**'], rules: layer(['client', 'cli']) },
  { files: ['src/client/**'], rules: layer(['db', 'import', 'server', 'cli']), languageOptions: { globals: { ...globals.browser } } },
  // Pure layers: no clock, no randomness, no process, no I/O.
  {
    files: ['src/domain/**', 'src/shared/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'process', message: 'domain is pure: pass what you need in.' },
        { name: 'fetch', message: 'domain is pure: no I/O.' }],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'domain uses seeded randomness (src/domain/random.ts).' },
        { object: 'Date', property: 'now', message: 'domain has no clock: inject it.' }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain has no clock: inject it.' },
        { selector: "ImportDeclaration[source.value=/^node:(fs|net|http|child_process|sqlite)/]", message: 'domain is pure: no I/O modules.' }],
    },
  },
);
