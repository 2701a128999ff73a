import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.sma-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The renderer speaks to the main process only through the contract.
    files: ['src-renderer/**/*.{ts,tsx}', 'src-ui/**/*.{ts,tsx}', 'src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', 'node:*', 'electron'],
              message: 'The renderer and shared code must not reach into the main process, Node or Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // Small files named for what they do: past 300 lines a file holds more than one thing (issue 26).
    files: ['src-*/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    // Shared code sits below both UIs and the main process: it names neither UI (docs/ARCHITECTURE.md).
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-ui/**', '**/src-renderer/**', '**/src-cloud/**', 'node:*', 'electron'],
              message: 'src-shared must not reach into the main process, a UI, Node or Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // Never SQL built from strings (docs/ARCHITECTURE.md, rule 3): a statement's text is a constant,
    // values are bound. sql.raw only where a comment says why the text is safe.
    files: ['src-main/**/*.ts', 'src-cloud/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|exec)$/] > TemplateLiteral[expressions.length>0]',
          message: 'SQL text built at run time: use a constant text and bound values.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|exec)$/] > BinaryExpression',
          message: 'SQL text built at run time: use a constant text and bound values.',
        },
        {
          selector: "CallExpression[callee.object.name='sql'][callee.property.name='raw']",
          message: 'sql.raw puts text into SQL as it is: use sql`…${value}…`, sql.ref or the builder.',
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-cloud/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src-main/electron/ may import electron.' }] }],
    },
  },
);
