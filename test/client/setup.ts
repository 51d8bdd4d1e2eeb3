/** jsdom stands in for the h5 build: Taro's platform variables and the build-time constants it would define. */
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'

// Defined by Taro's DefinePlugin in real builds; tests flip it to exercise local-mode wording.
;(globalThis as unknown as { LOCAL_MODE: boolean }).LOCAL_MODE = false

// Taro's web components and NutUI look for these browser APIs that jsdom lacks.
const g = globalThis as unknown as Record<string, unknown>
if (typeof g.matchMedia !== 'function') {
  g.matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })
}
class NoopObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return []
  }
}
for (const name of ['ResizeObserver', 'IntersectionObserver', 'MutationObserver']) if (typeof g[name] !== 'function') g[name] = NoopObserver
if (typeof g.requestAnimationFrame !== 'function') g.requestAnimationFrame = (cb: (t: number) => void) => setTimeout(() => cb(0), 0)

// Taro's build defines this for its React component wrappers (false: register the web components).
;(globalThis as unknown as { DEPRECATED_ADAPTER_COMPONENT: boolean }).DEPRECATED_ADAPTER_COMPONENT = false
