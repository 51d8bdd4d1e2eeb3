// One rule ESLint holds that the dependency rules cannot: handlers ask repositories, never the
// database. A collection named in a handler is a record type and a load-within-union check written
// again (ARCHITECTURE.md, "Repositories own records").
import tsParser from '@typescript-eslint/parser'

export default [
  {
    files: ['cloudfunctions/*/handlers/**/*.ts'],
    languageOptions: { parser: tsParser },
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
]
