// ESLint for the whole repository (npm run lint, part of npm test): typescript-eslint's recommended
// rules everywhere, React's hooks rules in the client, and the house rules that dependency-cruiser
// cannot state (handlers never name a collection).
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'build/**', '.tmp/**', 'client/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (a handler's unused deps, a destructured-away field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests load modules afresh inside jest.isolateModules / jest.mock factories, where require is the
    // way; tests and bench scripts read answer bodies loosely and assert on them.
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic hooks rules. v7's React Compiler rules (refs, purity, set-state-in-effect) judge
    // code for a compiler this React 18 client does not use.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Handlers ask repositories, never the database: a collection named in a handler is a record
    // type and a load-within-union check written again (ARCHITECTURE.md, "Repositories own records").
    files: ['cloudfunctions/*/handlers/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='collection']",
          message: '处理函数不直接访问集合：请通过本业务的 *.repo.ts 读写记录。',
        },
      ],
    },
  },
)
