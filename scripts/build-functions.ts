/**
 * Bundles each cloud function into a deployable folder: dist/functions/<name>/{index.js,package.json,config.json}.
 * Everything but @cloudbase/node-sdk is inlined; CloudBase installs the SDK from package.json on deploy.
 */
import { build } from 'esbuild'
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { FUNCTIONS_OUT, FUNCTIONS_SRC, ROOT, functionNames } from './function-names'

const sdkVersion: string = JSON.parse(readFileSync(join(ROOT, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')).version

export async function buildFunctions(names = functionNames()): Promise<string[]> {
  await Promise.all(
    names.map(async (name) => {
      const out = join(FUNCTIONS_OUT, name)
      mkdirSync(out, { recursive: true })
      await build({
        entryPoints: [join(FUNCTIONS_SRC, name, 'index.ts')],
        outfile: join(out, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node18',
        format: 'cjs',
        minify: true,
        legalComments: 'none',
        external: ['@cloudbase/node-sdk'],
        tsconfig: join(ROOT, 'tsconfig.json'),
        logLevel: 'warning',
      })
      writeFileSync(
        join(out, 'package.json'),
        JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { '@cloudbase/node-sdk': sdkVersion } }, null, 2) + '\n',
      )
      copyFileSync(join(FUNCTIONS_SRC, name, 'config.json'), join(out, 'config.json'))
    }),
  )
  return names
}

if (require.main === module) {
  buildFunctions().then(
    (names) => console.log(`已打包云函数：${names.join('、')} → dist/functions/`),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
