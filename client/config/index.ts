import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

/**
 * Taro build config for both targets.
 * - weapp → <repo>/dist/weapp, h5 → <repo>/dist/h5 (both git-ignored)
 * - `@shared/*` resolves to <repo>/shared and is compiled by babel like src/
 * - LOCAL_MODE is true only for the h5 build made with UNION_LOCAL=1, so the
 *   demo-login switcher is dead code everywhere else.
 */
const repoRoot = path.resolve(__dirname, '..', '..')
const sharedDir = path.join(repoRoot, 'shared')

export default defineConfig<'webpack5'>(async (merge) => {
  const taroEnv = process.env.TARO_ENV
  const localMode = taroEnv === 'h5' && process.env.UNION_LOCAL === '1'
  const production = process.env.NODE_ENV !== 'development'

  const base: UserConfigExport<'webpack5'> = {
    projectName: 'union-app',
    date: '2025-01-01',
    // NutUI React Taro is drawn at 375; our own styles use the Taro default 750.
    designWidth(input) {
      const file = typeof input === 'object' && input ? (input as { file?: string }).file : undefined
      if (file && file.replace(/\\+/g, '/').includes('@nutui')) return 375
      return 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // UNION_OUT_DIR: a build of one's own (a size experiment) that leaves dist/ to the tests.
    outputRoot: process.env.UNION_OUT_DIR || path.join(repoRoot, 'dist', taroEnv === 'h5' ? 'h5' : 'weapp'),
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {
      LOCAL_MODE: JSON.stringify(localMode),
      // Empty means "the environment this mini-program is bound to" (wx.cloud default env).
      'process.env.CLOUD_ENV': JSON.stringify(process.env.CLOUD_ENV ?? ''),
    },
    alias: {
      '@shared': sharedDir,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      // shared/ lives outside client/src: run it through babel as well.
      compile: { include: [sharedDir] },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      miniCssExtractPluginOption: { ignoreOrder: true },
      enableSourceMap: !production,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      enableSourceMap: !production,
    },
  }

  return merge({}, base)
})
