import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'tests/artifacts/', 'bench/results/', '.tmp*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        // WXT auto-imports (see .wxt/types/imports.d.ts); the browser and Node globals the code uses.
        defineBackground: 'readonly',
        defineUnlistedScript: 'readonly',
        defineContentScript: 'readonly',
        browser: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
          message: 'Raw HTML reaches the DOM only in components/Reader, after sanitize().',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Raw HTML reaches the DOM only in components/Reader, after sanitize().',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Raw HTML reaches the DOM only in components/Reader, after sanitize().',
        },
      ],
    },
  },
);
