import { fileURLToPath } from 'node:url'

/**
 * The built web app the gateway serves by default: `web/dist`, written by `npm start`
 * (scripts/build-web.ts) from the app's sources in `web/`. Named relative to this file, two floors
 * down from the repository root, like gateway/supergraph/supergraph-path.ts, so the bundled gateway
 * (.data/gateway/gateway.js) finds the same folder.
 */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url))
