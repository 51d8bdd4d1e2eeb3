/**
 * Bundles each cloud function into a deployable folder: dist/functions/<name>/{index.js,package.json,config.json}.
 * Everything is inlined except EXTERNAL packages, which CloudBase installs from the function's
 * package.json on deploy (`installDependency` in cloudbaserc.json): the SDK, exceljs, which loads
 * lazily so cold starts stay fast, and wx-server-sdk (the message function's WeChat sender only).
 */
import { build, type Metafile } from 'esbuild'
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { FUNCTIONS_OUT, FUNCTIONS_SRC, ROOT, functionNames } from './function-names'

const EXTERNAL = ['@cloudbase/node-sdk', 'exceljs', 'wx-server-sdk']
/**
 * Packages CloudBase installs for a function that are not installed here: wx-server-sdk is used only
 * by the message function's production sender (loaded lazily; locally the platform's stand-in
 * answers), so it is pinned here rather than installed for everything.
 */
const NOT_INSTALLED_HERE: Record<string, string> = { 'wx-server-sdk': '4.0.2' }
const versionOf = (pkg: string): string => NOT_INSTALLED_HERE[pkg] ?? JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version

export async function buildFunctions(names = functionNames()): Promise<string[]> {
  await Promise.all(
    names.map(async (name) => {
      const out = join(FUNCTIONS_OUT, name)
      mkdirSync(out, { recursive: true })
      const result = await build({
        entryPoints: [join(FUNCTIONS_SRC, name, 'index.ts')],
        outfile: join(out, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node18',
        format: 'cjs',
        minify: true,
        legalComments: 'none',
        external: EXTERNAL,
        metafile: true,
        tsconfig: join(ROOT, 'tsconfig.json'),
        logLevel: 'warning',
      })
      writeFileSync(
        join(out, 'package.json'),
        JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: dependenciesOf(result.metafile) }, null, 2) + '\n',
      )
      copyFileSync(join(FUNCTIONS_SRC, name, 'config.json'), join(out, 'config.json'))
    }),
  )
  return names
}

/** Only the external packages this function actually imports go into its package.json. */
function dependenciesOf(metafile: Metafile): Record<string, string> {
  const used = new Set(Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))
  return Object.fromEntries(EXTERNAL.filter((pkg) => used.has(pkg)).map((pkg) => [pkg, versionOf(pkg)]))
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
