import { readFileSync } from 'node:fs'
import { parseAllDocuments } from 'yaml'
import { describe, expect, it } from 'vitest'

// The gateway's V8 heap limit (NODE_OPTIONS) is set where production runs it: the gateway ConfigMap of the
// Kubernetes base and the gateways of docker-compose.yml (generated from docker/docker-compose.template.yml).
// Both carry the same options, and the limit leaves room in the pod's memory request for what lives outside the
// old generation (docs/operations.md, "Memory").
const ROOT = new URL('../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8')
type Obj = { kind?: string; metadata?: { name?: string }; data?: Record<string, string>; spec?: any }
const objects = (path: string) => parseAllDocuments(read(path)).map(d => d.toJS() as Obj)

/** Resident memory outside the old generation: node's own pages (~45 MB), code, young generation, native buffers. */
const OUTSIDE_OLD_GENERATION_MIB = 150

const mebibytes = (quantity: string) => {
  const m = /^(\d+)(Mi|Gi)$/.exec(quantity)
  if (!m) throw new Error(`unexpected memory quantity ${quantity}`)
  return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1)
}

function heapLimitMib(nodeOptions: string | undefined): number {
  const m = /(?:^|\s)--max-old-space-size=(\d+)(?:\s|$)/.exec(nodeOptions ?? '')
  if (!m) throw new Error(`NODE_OPTIONS sets no --max-old-space-size: ${JSON.stringify(nodeOptions)}`)
  return Number(m[1])
}

describe('the gateway heap limit', () => {
  const base = objects('deploy/kubernetes/base/gateway.yaml')
  const configMap = base.find(o => o.kind === 'ConfigMap' && o.metadata?.name === 'stadtgraph-gateway')!
  const deployment = base.find(o => o.kind === 'Deployment' && o.metadata?.name === 'gateway')!
  const nodeOptions = configMap.data?.NODE_OPTIONS

  it('is set in the gateway ConfigMap the gateway container reads', () => {
    expect(heapLimitMib(nodeOptions)).toBeGreaterThan(0)
    const container = deployment.spec.template.spec.containers.find((c: { name: string }) => c.name === 'gateway')
    expect(container.envFrom.map((e: { configMapRef?: { name: string } }) => e.configMapRef?.name)).toContain('stadtgraph-gateway')
  })

  it('leaves the rest of the memory request to what lives outside the old generation', () => {
    const container = deployment.spec.template.spec.containers.find((c: { name: string }) => c.name === 'gateway')
    const request = mebibytes(container.resources.requests.memory)
    expect(heapLimitMib(nodeOptions) + OUTSIDE_OLD_GENERATION_MIB).toBeLessThanOrEqual(request)
    // The dev overlay's limit is the smallest a gateway gets.
    const dev = read('deploy/kubernetes/overlays/dev/kustomization.yaml')
    const limit = /name: gateway[\s\S]*?limits: \{[^}]*memory: (\d+(?:Mi|Gi))/.exec(dev)?.[1]
    expect(limit, 'the dev overlay sets the gateway memory limit').toBeTruthy()
    expect(heapLimitMib(nodeOptions) + OUTSIDE_OLD_GENERATION_MIB).toBeLessThanOrEqual(mebibytes(limit!))
  })

  it('is the same for the docker-compose gateways (template and generated file)', () => {
    for (const path of ['docker/docker-compose.template.yml', 'docker-compose.yml']) {
      const anchor = /x-gateway: &gateway[\s\S]*?environment: &gateway-env\n([\s\S]*?)\n {2}depends_on:/.exec(read(path))
      expect(anchor, path).toBeTruthy()
      const line = /^ {4}NODE_OPTIONS: (.+)$/m.exec(anchor![1])
      expect(heapLimitMib(line?.[1]), path).toBeGreaterThan(0)
      expect(line?.[1], path).toBe(nodeOptions)
    }
  })
})
