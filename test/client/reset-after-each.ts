/**
 * Module state the client keeps between pages (the data layer's cache of answers) lives as long as a
 * test file's module registry; each test starts with none, as a freshly opened mini-program would.
 */
afterEach(() => {
  for (const reset of (globalThis as { __unionTestResets?: Array<() => void> }).__unionTestResets ?? []) reset()
})
