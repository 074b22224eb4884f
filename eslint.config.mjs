// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', '.local/**', 'coverage/**', 'bench/results/**', '**/*.cjs', '**/*.mjs', '!apps/moderation/console/*.mjs', '!apps/articles/src/demo/assets/*.mjs', '!apps/articles/src/embed/assets/*.mjs', 'jest.config.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@replyguard/*/*', '**/libs/*/src/*', '../../libs/**', '../../../libs/**'],
              message: 'Import a library only through its root entry point (@replyguard/<lib>).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The pages' scripts (moderator console, demo article page, comments widget): plain browser
    // JavaScript outside the TypeScript project, so the type-checked rules are off and the browser's
    // globals known. The widget's are type-checked on their own (apps/articles/src/embed/assets/tsconfig.json).
    files: [
      'apps/moderation/console/*.mjs',
      'apps/articles/src/demo/assets/*.mjs',
      'apps/articles/src/embed/assets/*.mjs',
    ],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.browser,
      sourceType: 'module',
    },
  },
  {
    // The widget's loader, which sites embed with a plain <script src>: a classic script.
    files: ['apps/articles/src/embed/assets/comments.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.browser,
      sourceType: 'script',
    },
  },
);
