import { readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..')
export const FUNCTIONS_SRC = join(ROOT, 'cloudfunctions')
export const FUNCTIONS_OUT = join(ROOT, 'dist', 'functions')

/** Every folder in cloudfunctions/ with an index.ts is a deployable function (`_lib` is shared code). */
export const functionNames = (): string[] =>
  readdirSync(FUNCTIONS_SRC, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(FUNCTIONS_SRC, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
