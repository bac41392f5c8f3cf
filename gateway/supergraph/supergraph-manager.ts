import { createHash } from 'node:crypto'
import { readFileSync, unwatchFile, watchFile } from 'node:fs'
import type { GraphQLSchema } from 'graphql'
import { fieldOwners, readRequirements } from '../../auth/policy/requirements.js'
import type { Requirements } from '../../auth/policy/types.js'
import type { Logger } from '../../platform/logger/create-logger.js'
import { readCostDirectives, type CostDirectives } from '../limits/cost-directives.js'
import { createStitchedSchema } from '../execute/stitched-schema.js'
import type { OperationExecutor } from '../execute/operation-executor.js'
import type { PlanExecutorOptions } from '../execute/plan-executor.js'
import type { SubgraphCallHooks } from '../transport/subgraph-call.js'
import { subgraphsOf, withSubgraphUrls } from '../../platform/supergraph-readers.js'

/** One supergraph as the gateway serves it, with everything read from it once. */
export interface LoadedSupergraph {
  sdl: string
  schema: GraphQLSchema
  hash: string
  loadedAt: Date
  requirements: Requirements
  costDirectives: CostDirectives
  owners: ReturnType<typeof fieldOwners>
  /** Runs operations by query plan; null: the stitched schema's resolvers run them. */
  executor: OperationExecutor | null
}

export interface SupergraphManagerOptions extends SubgraphCallHooks {
  /** The supergraph's text; without it, the file at `path` (re-read on reload). */
  sdl?: string | null
  path?: string | null
  /** Reload when the file changes (only for a file). */
  watch: boolean
  subgraphUrls?: Readonly<Record<string, string>>
  timeoutMs?: number
  /** The executor for a supergraph (the plan stage's); null: its stitched schema's resolvers. */
  createExecutor(execution: PlanExecutorOptions): Promise<OperationExecutor | null>
  /** A new supergraph is served (before it is logged). */
  onChange?(): void
  log: Logger
}

export interface SupergraphManager {
  current(): LoadedSupergraph
  /** Re-reads the supergraph file (or takes `sdl`) and swaps it in; the same text (by hash) changes nothing. */
  reload(sdl?: string): Promise<void>
  /** Subgraph names and URLs of the served supergraph, with the configured URL overrides. */
  subgraphs(): Array<{ name: string; url: string }>
  /** Starts watching the file when so configured. */
  watch(): void
  close(): void
}

const hashOf = (sdl: string) => createHash('sha256').update(sdl).digest('hex').slice(0, 16)

/** Loads the supergraph, and reloads it (on `reload()` or when its file changes) without dropping requests. */
export async function createSupergraphManager(opts: SupergraphManagerOptions): Promise<SupergraphManager> {
  const readSdl = () => opts.sdl ?? readFileSync(opts.path!, 'utf8')
  const execution = {
    subgraphUrls: opts.subgraphUrls,
    timeoutMs: opts.timeoutMs,
    subgraphHeaders: opts.subgraphHeaders,
    onSubgraphFetch: opts.onSubgraphFetch,
  }
  const load = async (sdl: string): Promise<LoadedSupergraph> => ({
    sdl,
    // The stitched schema is the API schema either way (projections, admin API); with the `plan`
    // executor its resolvers are only the fallback.
    schema: createStitchedSchema({ ...execution, supergraphSdl: sdl }),
    executor: await opts.createExecutor({ ...execution, supergraphSdl: sdl }),
    hash: hashOf(sdl),
    loadedAt: new Date(),
    requirements: readRequirements(sdl),
    costDirectives: readCostDirectives(sdl),
    owners: fieldOwners(sdl),
  })
  let current = await load(readSdl())
  const reload = async (sdl?: string) => {
    const next = sdl ?? readSdl()
    if (hashOf(next) === current.hash) return
    current = await load(next)
    opts.onChange?.()
    opts.log.info({ supergraph: current.hash }, `supergraph reloaded (${current.hash})`)
  }
  const watching = opts.watch && opts.path && !opts.sdl
  return {
    current: () => current,
    reload,
    subgraphs: () => subgraphsOf(withSubgraphUrls(current.sdl, opts.subgraphUrls ?? {})),
    watch() {
      if (!watching) return
      watchFile(opts.path!, { interval: 500 }, () => {
        reload().catch(err =>
          opts.log.error(`supergraph reload failed, keeping ${current.hash}: ${err instanceof Error ? err.message : err}`),
        )
      })
    },
    close() {
      if (watching) unwatchFile(opts.path!)
    },
  }
}
