import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { deployDepartments, renderDeployFiles, type DeployDepartment } from '../../scripts/deploy-config.js'
import { MIGRATOR_ROLE, objectName } from '../../scripts/deploy-kubernetes.js'

// deploy/kubernetes/ checked without a cluster: each overlay rendered by `kubectl kustomize`, every
// object validated against the Kubernetes and CRD JSON schemas (kubernetes-models, @kubernetes-models/*),
// and the invariants that matter for a city's operation asserted over the rendered objects.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const OVERLAYS = ['dev', 'production'] as const

// Rendered manifests are untyped JSON.
type K8sObject = {
  apiVersion: string
  kind: string
  metadata: { name: string; namespace?: string; labels?: Record<string, string> }
  spec?: any
  data?: any
  stringData?: any
}

const SCHEMA_MODULES: Record<string, string> = {
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io',
  'external-secrets.io': '@kubernetes-models/external-secrets/external-secrets.io',
}

/** Validates `obj` against the JSON schema of its apiVersion and kind; throws the schema's complaint. */
async function validate(obj: K8sObject): Promise<void> {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion]
  const base = group ? (SCHEMA_MODULES[group] ?? `kubernetes-models/${group}`) : 'kubernetes-models'
  let mod: Record<string, new (data: unknown) => { validate(): void }>
  try {
    mod = await import(`${base}/${version}/${obj.kind}`)
  } catch {
    throw new Error(`no schema for ${obj.apiVersion} ${obj.kind}`)
  }
  new mod[obj.kind](obj).validate()
}

const which = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' })
const KUBECTL = which.status === 0 ? which.stdout.trim() : null
// A newcomer's `npm test` without kubectl skips the rendering checks (and says so); CI installs kubectl and sets
// REQUIRE_KUBECTL=1, so there a missing kubectl fails instead of skipping.
if (!KUBECTL && process.env.REQUIRE_KUBECTL === '1') throw new Error("kubectl not found: install Debian's kubectl package (.ci/run does)")
if (!KUBECTL) console.warn('[deploy] kubectl not found: the Kubernetes manifest checks are skipped (REQUIRE_KUBECTL=1 makes this an error)')

function kubectl(): string {
  if (!KUBECTL) throw new Error("kubectl not found: install Debian's kubectl package (.ci/run does)")
  return KUBECTL
}

function render(overlay: string): K8sObject[] {
  const text = execFileSync(kubectl(), ['kustomize', `${ROOT}deploy/kubernetes/overlays/${overlay}`], { encoding: 'utf8' })
  return parseAllDocuments(text).map(d => {
    if (d.errors.length) throw new Error(`kubectl kustomize ${overlay}: ${d.errors[0].message}`)
    return d.toJS() as K8sObject
  })
}

const workloads = (objects: K8sObject[]) => objects.filter(o => o.kind === 'Deployment' || o.kind === 'Job')
const podSpec = (o: K8sObject) => o.spec.template.spec
const envOf = (container: any): Record<string, any> =>
  Object.fromEntries((container.env ?? []).map((e: any) => [e.name, e.value ?? e.valueFrom]))
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v)

describe.skipIf(!KUBECTL)('deploy/kubernetes', () => {
  let departments: DeployDepartment[]
  const rendered = new Map<string, K8sObject[]>()
  beforeAll(async () => {
    departments = await deployDepartments()
    for (const overlay of OVERLAYS) rendered.set(overlay, render(overlay))
  })
  const find = (overlay: string, kind: string, name: string) =>
    rendered.get(overlay)!.find(o => o.kind === kind && o.metadata.name === name)

  it.each(OVERLAYS)('%s renders, and every object is valid against the Kubernetes and CRD schemas', async overlay => {
    const objects = rendered.get(overlay)!
    expect(objects.length).toBeGreaterThan(40)
    for (const o of objects) {
      await expect(validate(o), `${o.kind}/${o.metadata.name}`).resolves.toBeUndefined()
      if (o.kind !== 'Namespace')
        expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(overlay === 'dev' ? 'stadtgraph-dev' : 'stadtgraph')
    }
    expect(objects.find(o => o.kind === 'Namespace')!.metadata.labels!['pod-security.kubernetes.io/enforce']).toBe('restricted')
  })

  it('the schema check can fail: a broken object is refused', async () => {
    await expect(validate({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { template: {} } })).rejects.toThrow(
      /selector/,
    )
    await expect(
      validate({ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'x' }, spec: { instances: 'three' } }),
    ).rejects.toThrow(/instances must be integer/)
    await expect(validate({ apiVersion: 'example.org/v1', kind: 'Thing', metadata: { name: 'x' } })).rejects.toThrow(/no schema/)
  })

  it.each(OVERLAYS)(
    '%s: every container has probes (services), limits and requests, runs non-root on a read-only root filesystem',
    overlay => {
      for (const w of workloads(rendered.get(overlay)!)) {
        const pod = podSpec(w)
        const where = `${w.kind}/${w.metadata.name}`
        expect(pod.securityContext?.seccompProfile?.type, where).toBe('RuntimeDefault')
        expect(pod.automountServiceAccountToken, where).toBe(false)
        for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
          const at = `${where} ${c.name}`
          expect(c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot, at).toBe(true)
          expect(pod.securityContext?.runAsUser ?? c.securityContext?.runAsUser, at).toBeGreaterThan(0)
          expect(c.securityContext?.readOnlyRootFilesystem, at).toBe(true)
          expect(c.securityContext?.allowPrivilegeEscalation, at).toBe(false)
          expect(c.securityContext?.capabilities?.drop, at).toContain('ALL')
          expect(c.resources?.limits?.cpu && c.resources?.limits?.memory, at).toBeTruthy()
          expect(c.resources?.requests?.cpu && c.resources?.requests?.memory, at).toBeTruthy()
          expect(c.image, at).toMatch(/^[\w./-]+(:[\w.-]+)?$/)
          expect(c.image, at).not.toMatch(/:latest$/)
          if (w.kind === 'Deployment') {
            for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) expect(c[probe], `${at} ${probe}`).toBeDefined()
          }
          if (c.image.includes('stadtgraph')) {
            // Our processes: plain node on a bundle, /tmp the only place they write.
            expect(c.command.slice(0, 2), at).toEqual(['node', '--enable-source-maps'])
            expect(c.command.join(' '), at).not.toMatch(/tsx/)
            expect(
              c.volumeMounts.find((m: any) => m.mountPath === '/tmp'),
              at,
            ).toBeDefined()
            if (w.kind === 'Deployment') {
              expect(c.livenessProbe.httpGet.path, at).toBe('/healthz')
              expect(c.readinessProbe.httpGet.path, at).toBe('/readyz')
            }
          }
        }
        for (const v of pod.volumes ?? []) expect(v.hostPath, `${where} volume ${v.name}`).toBeUndefined()
      }
    },
  )

  it.each(OVERLAYS)('%s: every department has its Deployment, Service and a NetworkPolicy admitting only the gateways', overlay => {
    const objects = rendered.get(overlay)!
    const gateway = find(overlay, 'Deployment', 'gateway')!
    const policies = objects.filter(o => o.kind === 'NetworkPolicy')
    const subgraphUrls = find(overlay, 'ConfigMap', 'stadtgraph-subgraphs')!.data.SUBGRAPH_URLS as string
    for (const d of departments) {
      const name = objectName(d.name)
      const deployment = find(overlay, 'Deployment', name)
      expect(deployment, name).toBeDefined()
      const labels = deployment!.spec.template.metadata.labels
      expect(find(overlay, 'Service', name)?.spec.ports[0].port, name).toBe(d.defaultPort)
      const admitting = policies.filter(p => matches(p.spec.podSelector.matchLabels ?? {}, labels) && p.spec.ingress?.length)
      expect(
        admitting.map(p => p.metadata.name),
        name,
      ).toEqual([name])
      for (const rule of admitting[0].spec.ingress) {
        for (const from of rule.from) {
          expect(from.namespaceSelector, name).toBeUndefined()
          expect(from.ipBlock, name).toBeUndefined()
          expect(matches(from.podSelector.matchLabels, gateway.spec.template.metadata.labels), name).toBe(true)
        }
      }
      expect(subgraphUrls.split(','), name).toContain(`${d.name}=http://${name}:${d.defaultPort}/graphql`)
      const env = envOf(deployment!.spec.template.spec.containers[0])
      expect(env.DATABASE_URL, name).toBe(`postgres://${d.name}:$(DB_PASSWORD)@stadtgraph-db-rw:5432/stadtgraph`)
    }
    const defaultDeny = policies.find(p => Object.keys(p.spec.podSelector).length === 0)
    expect(defaultDeny?.spec.policyTypes).toEqual(['Ingress'])
    expect(defaultDeny?.spec.ingress).toBeUndefined()
  })

  it.each(OVERLAYS)('%s: the database admits only departments, gateways and the migration Job (and its own operator)', overlay => {
    const objects = rendered.get(overlay)!
    const policy = objects.find(o => o.kind === 'NetworkPolicy' && o.spec.podSelector.matchLabels?.['cnpg.io/cluster'] === 'stadtgraph-db')!
    const clients = policy.spec.ingress.flatMap((r: any) =>
      r.from.filter((f: any) => f.podSelector && !f.podSelector.matchLabels['cnpg.io/cluster']),
    )
    expect(clients).toEqual([{ podSelector: { matchLabels: { 'stadtgraph.city/database-client': 'true' } } }])
    const admitted = workloads(objects)
      .filter(w => matches(clients[0].podSelector.matchLabels, w.spec.template.metadata.labels))
      .map(w => w.spec.template.metadata.labels['app.kubernetes.io/component'])
    expect(new Set(admitted)).toEqual(new Set(['department', 'gateway', 'migration']))
    expect(admitted.filter(c => c === 'department')).toHaveLength(departments.length)
    const namespaces = policy.spec.ingress.flatMap((r: any) => r.from.filter((f: any) => f.namespaceSelector))
    expect(namespaces).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } } }])
  })

  it.each(OVERLAYS)('%s: one migration Job per release; no Deployment migrates', overlay => {
    const objects = rendered.get(overlay)!
    const jobs = objects.filter(o => o.kind === 'Job')
    expect(jobs.map(j => j.metadata.name)).toEqual(['stadtgraph-migrate'])
    const job = jobs[0].spec.template.spec.containers[0]
    expect(job.command).toEqual(['node', '--enable-source-maps', '.data/db/db.js'])
    expect(job.args).toEqual([overlay === 'dev' ? 'seed' : 'migrate', '--role-per-department'])
    expect(envOf(job).DATABASE_URL).toMatch(new RegExp(`^postgres://${MIGRATOR_ROLE}:`))
    for (const d of objects.filter(o => o.kind === 'Deployment')) {
      for (const c of d.spec.template.spec.containers) {
        expect(envOf(c).MIGRATE_ON_START ?? 'false', `${d.metadata.name}`).toBe('false')
        expect([...(c.command ?? []), ...(c.args ?? [])].join(' ')).not.toMatch(/db\.js|db:migrate|db:seed/)
      }
    }
    for (const d of departments)
      expect(envOf(find(overlay, 'Deployment', objectName(d.name))!.spec.template.spec.containers[0]).MIGRATE_ON_START).toBe('false')
  })

  it('PostgreSQL is a CloudNativePG cluster: three instances with backups in production, a role and schema per department', () => {
    const cluster = find('production', 'Cluster', 'stadtgraph-db')!
    expect(cluster.spec.instances).toBe(3)
    expect(cluster.spec.backup.barmanObjectStore.destinationPath).toMatch(/^s3:\/\//)
    expect(find('production', 'ScheduledBackup', 'stadtgraph-db-daily')?.spec.cluster.name).toBe('stadtgraph-db')
    const roles = cluster.spec.managed.roles as Array<{
      name: string
      login: boolean
      passwordSecret: { name: string }
      inRoles?: string[]
    }>
    expect(roles.map(r => r.name)).toEqual([...departments.map(d => d.name), 'gateway', MIGRATOR_ROLE])
    expect(roles.find(r => r.name === MIGRATOR_ROLE)!.inRoles).toEqual(departments.map(d => d.name))
    const sql = cluster.spec.bootstrap.initdb.postInitApplicationSQL as string[]
    for (const d of departments) expect(sql).toContain(`create schema ${d.dbSchema} authorization ${d.name}`)
    expect(sql).toContain('create schema access authorization gateway')
    expect(find('dev', 'Cluster', 'stadtgraph-db')!.spec.instances).toBe(1)
    expect(find('dev', 'ScheduledBackup', 'stadtgraph-db-daily')).toBeUndefined()
  })

  it('production runs at least two gateways on different nodes with an autoscaler and a disruption budget; dev one of each', () => {
    const gateway = find('production', 'Deployment', 'gateway')!
    expect(gateway.spec.replicas).toBeGreaterThanOrEqual(2)
    const anti = gateway.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]
    expect(anti.topologyKey).toBe('kubernetes.io/hostname')
    expect(find('production', 'HorizontalPodAutoscaler', 'gateway')!.spec.minReplicas).toBeGreaterThanOrEqual(2)
    expect(find('production', 'PodDisruptionBudget', 'gateway')!.spec.maxUnavailable).toBe(1)
    const stateless = rendered.get('production')!.filter(o => o.kind === 'Deployment' && o.metadata.name !== 'stadtgraph-cache')
    expect(stateless).toHaveLength(departments.length + 1)
    for (const d of stateless) {
      expect(d.spec.template.spec.topologySpreadConstraints?.length, d.metadata.name).toBeGreaterThan(0)
    }
    for (const d of rendered.get('dev')!.filter(o => o.kind === 'Deployment')) expect(d.spec.replicas, d.metadata.name).toBe(1)
  })

  it('the gateways read the supergraph from a ConfigMap folder (no subPath), the same as schema/supergraph.graphql', () => {
    const configMap = find('production', 'ConfigMap', 'stadtgraph-supergraph')!
    expect(configMap.data['supergraph.graphql']).toBe(readFileSync(`${ROOT}schema/supergraph.graphql`, 'utf8'))
    const pod = find('production', 'Deployment', 'gateway')!.spec.template.spec
    const volume = pod.volumes.find((v: any) => v.configMap?.name === 'stadtgraph-supergraph')
    const mount = pod.containers[0].volumeMounts.find((m: any) => m.name === volume.name)
    expect(mount.subPath).toBeUndefined()
    const config = find('production', 'ConfigMap', 'stadtgraph-gateway')!
    expect(config.data.SUPERGRAPH_PATH).toBe(`${mount.mountPath}/supergraph.graphql`)
    expect(config.data.SUPERGRAPH_WATCH).toBeUndefined()
  })

  it('TLS at the ingress by cert-manager, to the gateways only', () => {
    for (const overlay of OVERLAYS) {
      const ingresses = rendered.get(overlay)!.filter(o => o.kind === 'Ingress')
      expect(ingresses).toHaveLength(1)
      const ingress = ingresses[0] as K8sObject & { metadata: { annotations: Record<string, string> } }
      expect(ingress.metadata.annotations['cert-manager.io/cluster-issuer']).toBeTruthy()
      expect(ingress.spec.tls[0].hosts).toEqual([ingress.spec.rules[0].host])
      const backends = ingress.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => p.backend.service.name))
      expect(new Set(backends)).toEqual(new Set(['gateway']))
    }
  })

  it('no Secret with data anywhere in the repository; production fills every referenced Secret by an ExternalSecret', () => {
    for (const overlay of OVERLAYS) expect(rendered.get(overlay)!.filter(o => o.kind === 'Secret')).toEqual([])
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.yaml', '*.yml', '*.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(f => f && !f.startsWith('node_modules/'))
    expect(files.length).toBeGreaterThan(5)
    for (const f of files) {
      const text = readFileSync(`${ROOT}${f}`, 'utf8')
      if (!/\bkind:\s*"?Secret"?\s*$/m.test(text) && !/"kind":\s*"Secret"/.test(text)) continue
      for (const doc of parseAllDocuments(text)) {
        const o = doc.toJS() as K8sObject | null
        if (o?.kind === 'Secret') expect(o.data ?? o.stringData, `${f}: a Secret with data`).toBeUndefined()
      }
    }
    const objects = rendered.get('production')!
    const filled = new Set(objects.filter(o => o.kind === 'ExternalSecret').map(o => o.spec.target.name))
    const referenced = new Set<string>()
    const walk = (v: any) => {
      if (!v || typeof v !== 'object') return
      if (v.secretKeyRef?.name) referenced.add(v.secretKeyRef.name)
      if (v.passwordSecret?.name) referenced.add(v.passwordSecret.name)
      if (v.accessKeyId?.name) referenced.add(v.accessKeyId.name)
      for (const x of Object.values(v)) walk(x)
    }
    for (const o of objects.filter(x => x.kind !== 'ExternalSecret')) walk(o)
    // The TLS certificate's Secret is cert-manager's to write.
    expect([...referenced].filter(s => !filled.has(s))).toEqual([])
    expect(referenced.size).toBe(departments.length + 5)
  })

  it('a department added as a folder gets its objects, role, schema and secret by `npm run deploy:generate`', () => {
    const files = renderDeployFiles([
      { name: 'geo', dbSchema: 'geo', defaultPort: 4001 },
      { name: 'street_cleaning', dbSchema: 'street_cleaning', defaultPort: 4011 },
    ])
    const manifests = files.get('deploy/kubernetes/base/departments.yaml')!
    const objects = parseAllDocuments(manifests).map(d => d.toJS() as K8sObject)
    expect(objects.filter(o => o.metadata.name === 'street-cleaning').map(o => o.kind)).toEqual([
      'Deployment',
      'Service',
      'PodDisruptionBudget',
      'NetworkPolicy',
    ])
    expect(manifests).toContain('.data/departments/street_cleaning.js')
    expect(files.get('deploy/kubernetes/base/subgraphs.yaml')).toContain('street_cleaning=http://street-cleaning:4011/graphql')
    const database = files.get('deploy/kubernetes/base/database.yaml')!
    expect(database).toContain('create schema street_cleaning authorization street_cleaning')
    expect(database).toMatch(/- name: street_cleaning\n\s+ensure: present\n\s+login: true/)
    expect(files.get('deploy/kubernetes/components/external-secrets/external-secrets.yaml')).toContain(
      'name: stadtgraph-db-street-cleaning',
    )
  })
})
