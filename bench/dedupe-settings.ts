import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TargetName } from './options.js'

/**
 * Deduplication is where gateways differ most under load, so every row names what its target ran with:
 * whole identical operations in flight answered once ("operations"), and identical subgraph fetches in
 * flight at the same time shared across different operations ("subgraph fetches").
 *
 * Ours: GATEWAY_DEDUPE (operations, on by default) and SUBGRAPH_DEDUPE (subgraph fetches, on by default
 * in gateways that have it). Hive gateway runtime: upstream in-flight deduplication of subgraph fetches on
 * by default (UPSTREAM_DEDUPE=off in bench/baselines/hive-runtime.ts), inbound operation deduplication off
 * by default. @apollo/gateway has neither.
 */
export const OURS_DEDUPE_ENV = { GATEWAY_DEDUPE: 'on' } as const
export const OURS_DEDUPE_OFF_ENV = { GATEWAY_DEDUPE: 'off', SUBGRAPH_DEDUPE: 'off' } as const
export const HIVE_DEDUPE_OFF_ENV = { UPSTREAM_DEDUPE: 'off' } as const

/** Whether the built gateway reads a setting (its name appears in the bundle): SUBGRAPH_DEDUPE is newer than this harness. */
export function buildReadsSetting(buildDir: string, setting: string): boolean {
  return readdirSync(buildDir)
    .filter(f => f.endsWith('.js'))
    .some(f => readFileSync(join(buildDir, f), 'utf8').includes(setting))
}

/**
 * The deduplication of every target in words, for the report. `subgraphDedupeBuilt`: the gateway under test
 * has SUBGRAPH_DEDUPE; `env`: the harness's environment, which the default targets inherit.
 */
export function dedupeSettings(subgraphDedupeBuilt: boolean, env: NodeJS.ProcessEnv = process.env): Partial<Record<TargetName, string>> {
  const oursSubgraph = !subgraphDedupeBuilt
    ? 'subgraph fetches not in this build'
    : env.SUBGRAPH_DEDUPE === 'off'
      ? 'subgraph fetches off (SUBGRAPH_DEDUPE=off inherited)'
      : 'subgraph fetches on'
  const ours = `operations on, ${oursSubgraph}`
  const hive = (upstream: 'on' | 'off') => `operations off, subgraph fetches ${upstream}`
  return {
    ours,
    'ours-public': ours,
    'ours-authz-off': ours,
    'ours-metrics-off': ours,
    'ours-dedupe-off': `operations off, ${subgraphDedupeBuilt ? 'subgraph fetches off' : oursSubgraph}`,
    apollo: 'none (not built in)',
    hive: hive('on'),
    'hive-rust': hive('on'),
    'hive-rust-dedupe-off': hive('off'),
  }
}
