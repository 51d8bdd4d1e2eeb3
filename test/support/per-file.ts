/**
 * What one test file shares — the app server, a browser, its phone page, a database handle — is made
 * in a beforeAll, yet the file's helpers name it at the top level. `perFile` registers the making
 * (beforeAll) and the closing (afterAll) and hands back a stand-in usable from the start: every
 * property read is passed to the real thing, which exists by the time a hook or a test runs.
 */
export function perFile<T extends object>(what: string, make: () => Promise<T>, close?: (made: T) => unknown): T {
  let made: T | undefined
  beforeAll(async () => {
    made = await make()
  })
  afterAll(async () => {
    if (made && close) await close(made)
    made = undefined
  })
  return new Proxy({} as T, {
    get(_, key) {
      if (key === ITSELF) return made
      if (!made) throw new Error(`${what} is used before the file's beforeAll made it, or after its afterAll closed it`)
      const value = Reflect.get(made, key, made)
      return typeof value === 'function' ? value.bind(made) : value
    },
  })
}

const ITSELF = Symbol('the object a perFile stand-in stands for')

/** The object itself behind a perFile stand-in, where identity matters (`other !== page`). */
export const itself = <T extends object>(standIn: T): T => (standIn as Record<symbol, T>)[ITSELF] ?? standIn
