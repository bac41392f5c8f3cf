import type { ServiceContext } from './define-service.js'

/**
 * Call after a write to a department's tables has committed (never inside the transaction: a
 * reader could refill the cache with the old rows before the commit). Drops every cached answer
 * that read one of `datasetIds` — the `<schema>.dataset` ids of the data that changed, e.g.
 * `['asy.occupancy']` — in this process and, with Redis storage, in every replica.
 */
export async function afterWrite(ctx: Pick<ServiceContext, 'cache'>, datasetIds: readonly string[]): Promise<void> {
  await ctx.cache?.invalidate([...datasetIds])
}
