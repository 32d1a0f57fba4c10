// ESLint: typescript-eslint's type-aware recommended rules on the TypeScript (they catch un-awaited and
// misused promises, awaits of non-promises and `any` leaking into typed code), ESLint's recommended
// rules on the few plain JavaScript files. Layout is Prettier's job (npm run format), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'bench/.build/', 'coverage/', 'test-artifacts/', '.data/', 'bench/results/', 'vendor/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An in-memory store or a prompt's onRecognize implements a port that returns a promise: `async`
      // keeps a thrown error a rejected promise, as the callers expect, even with nothing to await.
      '@typescript-eslint/require-await': 'off',
      // botbuilder types Activity.type as a string and ActivityTypes as a string enum: comparing the two
      // (`activity.type === ActivityTypes.Message`) is the SDK's own idiom, not a mix-up of enums.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // The same exemptions as tsc's noUnusedLocals/noUnusedParameters: `_name`, and a property taken
      // out of an object only to leave it out of the rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // @types/jest types the asymmetric matchers (expect.any, expect.stringMatching, expect.objectContaining)
      // as any, and they sit inside the expected objects of toEqual and toMatchObject.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  // The web chat page's script runs in the browser as a classic script, not a module.
  { files: ['src/web/static/**/*.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },
);
