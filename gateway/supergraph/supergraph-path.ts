import { fileURLToPath } from 'node:url'

/**
 * The supergraph the gateway serves by default: the one `npm run compose` writes from the
 * departments' schemas (schema/supergraph-file.ts names the same file). Named here so that serving
 * it never loads the composer.
 */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url))
