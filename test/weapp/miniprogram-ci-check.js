/**
 * Runs miniprogram-ci (WeChat DevTools' compiler) over a built mini-program, fully offline, and prints
 * one JSON line: { ok, files, sizes, quality } or { ok: false, error }.
 * A separate process because miniprogram-ci leaves file watchers and workers running after it answers.
 *
 * Usage: node test/weapp/miniprogram-ci-check.js <projectPath>
 */
const { generateKeyPairSync } = require('node:crypto')
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')

/** A well-formed but unregistered appid: nothing is sent anywhere. */
const OFFLINE_APPID = 'wx0000000000000000'

async function main(projectPath) {
  // miniprogram-ci logs progress on stdout; keep stdout for our single JSON answer.
  const out = process.stdout.write.bind(process.stdout)
  console.log = console.info = console.warn = (...args) => process.stderr.write(args.join(' ') + '\n')
  const ci = require('miniprogram-ci')

  // A throwaway key: the Project constructor insists on one; it would only sign requests to WeChat.
  const keyDir = mkdtempSync(join(tmpdir(), 'weapp-ci-'))
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const privateKeyPath = join(keyDir, 'private.key')
  writeFileSync(privateKeyPath, privateKey)

  try {
    const newProject = () =>
      new ci.Project({
        appid: OFFLINE_APPID,
        type: 'miniProgram',
        projectPath,
        privateKeyPath,
        // CIProject.attr() uses this instead of fetching the appid's attributes from servicewechat.com;
        // DefaultProjectAttr is the package's own fallback (2 MB main package, 40 KB tab icons, ...).
        attr: async () => ci.DefaultProjectAttr,
      })
    const compiled = await ci.getCompiledResult({ project: newProject(), version: '0.0.0', setting: { es6: true, minify: true } })
    const sizes = Object.fromEntries(Object.entries(compiled).map(([name, body]) => [name, typeof body === 'string' ? Buffer.byteLength(body) : body.length]))
    const quality = await ci.checkCodeQuality(newProject())
    out(JSON.stringify({ ok: true, files: Object.keys(compiled).sort(), sizes, quality }) + '\n')
  } catch (error) {
    out(JSON.stringify({ ok: false, error: { code: error && error.code, message: String((error && error.message) || error) } }) + '\n')
  } finally {
    rmSync(keyDir, { recursive: true, force: true })
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error) => {
    process.stdout.write(JSON.stringify({ ok: false, error: { message: String(error) } }) + '\n')
    process.exit(0)
  },
)
