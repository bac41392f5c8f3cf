import type { BatchLoadFn } from 'dataloader'
import type { LoaderCache, LoaderPolicy } from '../cache/create-service-cache.js'
import { tracingEnabled, withSpan } from './tracing.js'

/**
 * The loader cache a department's `createLoaders` receives, with every batch function run inside a
 * `loader.batch` span (attributes: loader name, key count), so a trace shows which batch sent which
 * SQL. Without tracing it is `cache` itself: nothing is wrapped, nothing allocated.
 */
export function instrumentLoaders(cache: LoaderCache): LoaderCache {
  if (!tracingEnabled()) return cache
  return {
    loader<K, V>(name: string, batch: BatchLoadFn<K, V>, policy: LoaderPolicy<K>): BatchLoadFn<K, V> {
      const traced: BatchLoadFn<K, V> = keys =>
        withSpan('loader.batch', { 'stadtgraph.loader': name, 'stadtgraph.keys': keys.length }, async () => batch(keys))
      return cache.loader(name, traced, policy)
    },
  }
}
