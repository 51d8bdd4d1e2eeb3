/** Before jest: the function bundles, the local-mode h5 app and the weapp build, each only if stale. */
import { ensureFunctions, ensureH5Local, ensureWeapp } from './builds'

Promise.all([ensureFunctions(), ensureH5Local(), ensureWeapp()]).catch((error) => {
  console.error(error)
  process.exit(1)
})
