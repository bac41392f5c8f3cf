import { readFileSync } from 'node:fs'
import type { DeployDepartment } from './deploy-config.js'

/**
 * The generated parts of deploy/kubernetes/ (`npm run deploy:generate`, together with the compose file):
 * each department's Deployment, Service, PodDisruptionBudget and NetworkPolicy, the gateway's subgraph
 * URLs, the database cluster with one role and schema per department, the External Secrets of their
 * passwords, and a copy of the supergraph for the gateway's ConfigMap (Kustomize reads files only below
 * the kustomization). Everything else in deploy/kubernetes/ is written by hand. A test fails when the
 * committed files are stale (scripts/deploy-config.test.ts).
 */

type Yaml = string | number | boolean | null | readonly Yaml[] | { readonly [key: string]: Yaml }

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i
const scalar = (v: string | number | boolean | null): string => {
  if (v === null) return 'null'
  if (typeof v !== 'string') return String(v)
  return /^[A-Za-z_/$][\w./:@$()-]*$/.test(v) && !RESERVED.test(v) ? v : JSON.stringify(v)
}
const isScalar = (v: Yaml): v is string | number | boolean | null => v === null || typeof v !== 'object'
const isEmpty = (v: Yaml) => !isScalar(v) && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0)

/** Block-style YAML of `value` (strings quoted as JSON when they could read as something else). */
export function toYaml(value: Yaml, indent = ''): string[] {
  if (isScalar(value)) return [indent + scalar(value)]
  if (Array.isArray(value)) {
    return value.flatMap(item => {
      if (isScalar(item) || isEmpty(item)) return [`${indent}- ${isScalar(item) ? scalar(item) : JSON.stringify(item)}`]
      const lines = toYaml(item, `${indent}  `)
      return [`${indent}- ${lines[0].slice(indent.length + 2)}`, ...lines.slice(1)]
    })
  }
  return Object.entries(value as Record<string, Yaml>).flatMap(([k, v]) =>
    isScalar(v) || isEmpty(v)
      ? [`${indent}${scalar(k)}: ${isScalar(v) ? scalar(v) : JSON.stringify(v)}`]
      : [`${indent}${scalar(k)}:`, ...toYaml(v, `${indent}  `)],
  )
}

const documents = (objects: readonly Yaml[]) => objects.map(o => toYaml(o).join('\n') + '\n').join('---\n')

/** Kubernetes object names are DNS labels: `street_cleaning` → `street-cleaning`. */
export const objectName = (department: string) => department.replace(/_/g, '-')

export const CLUSTER = 'stadtgraph-db'
/** The database's read-write Service (CloudNativePG names it `<cluster>-rw`). */
export const DATABASE_HOST = `${CLUSTER}-rw`
export const DATABASE = 'stadtgraph'
export const MIGRATOR_ROLE = 'stadtgraph_migrator'
export const GATEWAY_ROLE = 'gateway'
const dbSecret = (role: string) => `stadtgraph-db-${objectName(role)}`

const PART_OF = { 'app.kubernetes.io/part-of': 'stadtgraph' }

/** The container settings every Stadtgraph container has (the invariants test/deploy checks). */
export const containerSecurity = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
} as const
export const podSecurity = {
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  fsGroup: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
} as const

const spread = (name: string) => [
  {
    maxSkew: 1,
    topologyKey: 'topology.kubernetes.io/zone',
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
  },
  {
    maxSkew: 1,
    topologyKey: 'kubernetes.io/hostname',
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
  },
]

function departmentObjects(d: DeployDepartment): Yaml[] {
  const name = objectName(d.name)
  const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': 'department', ...PART_OF }
  const selector = { 'app.kubernetes.io/name': name }
  const probe = (path: string, extra: Record<string, number>) => ({ httpGet: { path, port: 'http' }, ...extra })
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels },
      spec: {
        replicas: 2,
        revisionHistoryLimit: 3,
        selector: { matchLabels: selector },
        template: {
          metadata: {
            labels: { ...labels, 'stadtgraph.city/database-client': 'true', 'stadtgraph.city/cache-client': 'true' },
          },
          spec: {
            automountServiceAccountToken: false,
            securityContext: podSecurity,
            // Requests in flight finish within 10 s of SIGTERM (lib/service/stop-on-signal.ts).
            terminationGracePeriodSeconds: 20,
            topologySpreadConstraints: spread(name),
            containers: [
              {
                name: 'department',
                image: 'stadtgraph',
                command: ['node', '--enable-source-maps', `.data/departments/${d.name}.js`],
                ports: [{ name: 'http', containerPort: d.defaultPort }],
                envFrom: [{ configMapRef: { name: 'stadtgraph-runtime' } }],
                env: [
                  { name: 'PORT', value: String(d.defaultPort) },
                  { name: 'HOST', value: '0.0.0.0' },
                  // Migrations and the seed run in the migration Job (migrate-job.yaml), never in a replica.
                  { name: 'MIGRATE_ON_START', value: 'false' },
                  { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: dbSecret(d.name), key: 'password' } } },
                  { name: 'DATABASE_URL', value: `postgres://${d.name}:$(DB_PASSWORD)@${DATABASE_HOST}:5432/${DATABASE}` },
                  {
                    name: 'INTERNAL_TOKEN_SECRET',
                    valueFrom: { secretKeyRef: { name: 'stadtgraph-internal-token', key: 'INTERNAL_TOKEN_SECRET' } },
                  },
                ],
                // docs/scaling.md: a department runs its JavaScript on one thread, so 1 core is its limit; the
                // request carries every department to about 290 dashboard requests/s (the production overlay
                // raises it for the departments the dashboards ask most); peak memory measured 191 MiB.
                resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
                startupProbe: probe('/healthz', { periodSeconds: 2, failureThreshold: 30, timeoutSeconds: 2 }),
                livenessProbe: probe('/healthz', { periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 2 }),
                readinessProbe: probe('/readyz', { periodSeconds: 5, failureThreshold: 2, timeoutSeconds: 2 }),
                securityContext: containerSecurity,
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels },
      spec: { selector, ports: [{ name: 'http', port: d.defaultPort, targetPort: 'http' }] },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name, labels },
      spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, labels },
      spec: {
        podSelector: { matchLabels: selector },
        policyTypes: ['Ingress'],
        // Only the gateways call a department (the internal identity token proves it too).
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }],
            ports: [{ protocol: 'TCP', port: d.defaultPort }],
          },
        ],
      },
    },
  ]
}

/** SQL run once when the cluster is created (as the superuser): roles without login yet, their schemas, the catalog's grants. */
function initSql(departments: readonly DeployDepartment[]): string[] {
  return [
    'revoke create on schema public from public',
    // Managed roles (spec.managed.roles) give them login and their passwords; created here first so the schemas have owners.
    ...departments.map(d => `create role ${d.name} nologin`),
    `create role ${GATEWAY_ROLE} nologin`,
    `create role ${MIGRATOR_ROLE} nologin`,
    ...departments.map(d => `create schema ${d.dbSchema} authorization ${d.name}`),
    // The gateways own the policy store (roles, grants, audit, access log); departments cannot touch it.
    `create schema access authorization ${GATEWAY_ROLE}`,
    // As docker/postgres-init.sh: the catalog reads each department's `<schema>.dataset` table and nothing else of theirs.
    'create function public.grant_dataset_to_catalog() returns event_trigger language plpgsql as $$ ' +
      'declare obj record; begin ' +
      "for obj in select * from pg_event_trigger_ddl_commands() where command_tag = 'CREATE TABLE' and object_type = 'table' loop " +
      "if obj.object_identity like '%.dataset' and obj.schema_name <> 'cat' then " +
      "execute format('grant usage on schema %I to catalog', obj.schema_name); " +
      "execute format('grant select on %s to catalog', obj.object_identity); " +
      'end if; end loop; end $$',
    "create event trigger grant_dataset_to_catalog on ddl_command_end when tag in ('CREATE TABLE') execute function public.grant_dataset_to_catalog()",
  ]
}

function databaseObjects(departments: readonly DeployDepartment[]): Yaml[] {
  const role = (name: string, extra: Record<string, Yaml> = {}) => ({
    name,
    ensure: 'present',
    login: true,
    inherit: true,
    passwordSecret: { name: dbSecret(name) },
    ...extra,
  })
  return [
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: { name: CLUSTER, labels: PART_OF },
      spec: {
        instances: 3,
        imageName: 'ghcr.io/cloudnative-pg/postgresql:17.5',
        primaryUpdateStrategy: 'unsupervised',
        // One instance per node, spread over zones where there are several.
        affinity: { enablePodAntiAffinity: true, topologyKey: 'kubernetes.io/hostname', podAntiAffinityType: 'required' },
        inheritedMetadata: { labels: PART_OF },
        storage: { size: '20Gi' },
        walStorage: { size: '10Gi' },
        resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
        postgresql: { parameters: { max_connections: '400', shared_buffers: '512MB' } },
        bootstrap: { initdb: { database: DATABASE, owner: 'stadtgraph', postInitApplicationSQL: initSql(departments) } },
        managed: {
          roles: [
            ...departments.map(d => role(d.name, { comment: `department ${d.name}: owns schema ${d.dbSchema}` })),
            role(GATEWAY_ROLE, { comment: 'the gateways: own schema access (policy store)' }),
            // The migration Job: migrates and seeds each department's schema as the department's role.
            role(MIGRATOR_ROLE, { comment: 'the migration Job', inRoles: departments.map(d => d.name) }),
          ],
        },
        // Base backups and WAL archived to the city's object storage (S3-compatible); the overlay names the bucket.
        backup: {
          retentionPolicy: '30d',
          barmanObjectStore: {
            destinationPath: 's3://stadtgraph-backups/',
            endpointURL: 'https://objects.example.city',
            s3Credentials: {
              accessKeyId: { name: 'stadtgraph-backup-s3', key: 'ACCESS_KEY_ID' },
              secretAccessKey: { name: 'stadtgraph-backup-s3', key: 'ACCESS_SECRET_KEY' },
            },
            wal: { compression: 'gzip' },
            data: { compression: 'gzip' },
          },
        },
      },
    },
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: { name: `${CLUSTER}-daily`, labels: PART_OF },
      spec: { schedule: '0 0 2 * * *', backupOwnerReference: 'self', cluster: { name: CLUSTER }, method: 'barmanObjectStore' },
    },
  ]
}

/** The External Secrets (external-secrets.io) that fill the Secrets the manifests reference, from the city's secret store. */
function externalSecrets(departments: readonly DeployDepartment[]): Yaml[] {
  const store = { name: 'city-secrets', kind: 'ClusterSecretStore' }
  const base = (name: string, spec: Record<string, Yaml>) => ({
    apiVersion: 'external-secrets.io/v1beta1',
    kind: 'ExternalSecret',
    metadata: { name, labels: PART_OF },
    spec: { refreshInterval: '1h', secretStoreRef: store, ...spec },
  })
  // CloudNativePG reads a role's password from a basic-auth Secret (username + password).
  const dbRole = (role: string) =>
    base(dbSecret(role), {
      target: {
        name: dbSecret(role),
        template: { type: 'kubernetes.io/basic-auth', data: { username: role, password: '{{ .password }}' } },
      },
      data: [{ secretKey: 'password', remoteRef: { key: `stadtgraph/db/${role}`, property: 'password' } }],
    })
  const keys = (name: string, remote: string, secretKeys: readonly string[]) =>
    base(name, {
      target: { name },
      data: secretKeys.map(k => ({ secretKey: k, remoteRef: { key: remote, property: k } })),
    })
  return [
    ...departments.map(d => dbRole(d.name)),
    dbRole(GATEWAY_ROLE),
    dbRole(MIGRATOR_ROLE),
    keys('stadtgraph-internal-token', 'stadtgraph/internal-token', ['INTERNAL_TOKEN_SECRET']),
    keys('stadtgraph-gateway', 'stadtgraph/gateway', ['AUDIT_SIGNING_KEY']),
    keys('stadtgraph-backup-s3', 'stadtgraph/backup-s3', ['ACCESS_KEY_ID', 'ACCESS_SECRET_KEY']),
  ]
}

const header = (what: string) =>
  `# Generated by \`npm run deploy:generate\` from the departments (services/*/server.ts) and scripts/deploy-kubernetes.ts: edit those, not this file.\n# ${what}\n`

/** Every generated file under deploy/kubernetes/: path (relative to the repository root) → text. */
export function renderKubernetesFiles(departments: readonly DeployDepartment[], root: string): Map<string, string> {
  const subgraphUrls = departments.map(d => `${d.name}=http://${objectName(d.name)}:${d.defaultPort}/graphql`).join(',')
  return new Map([
    [
      'deploy/kubernetes/base/departments.yaml',
      header('Per department: Deployment, Service, PodDisruptionBudget, NetworkPolicy (only the gateways may call it).') +
        documents(departments.flatMap(departmentObjects)),
    ],
    [
      'deploy/kubernetes/base/subgraphs.yaml',
      header('Where the gateways reach each department (SUBGRAPH_URLS, gateway/config.ts).') +
        documents([
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'stadtgraph-subgraphs', labels: PART_OF },
            data: { SUBGRAPH_URLS: subgraphUrls },
          },
        ]),
    ],
    [
      'deploy/kubernetes/base/database.yaml',
      header('PostgreSQL by CloudNativePG: three instances, one role and schema per department, backups to object storage.') +
        documents(databaseObjects(departments)),
    ],
    [
      'deploy/kubernetes/components/external-secrets/external-secrets.yaml',
      header('The Secrets the manifests reference, filled from the city secret store (ClusterSecretStore city-secrets).') +
        documents(externalSecrets(departments)),
    ],
    ['deploy/kubernetes/base/supergraph.graphql', readFileSync(`${root}/schema/supergraph.graphql`, 'utf8')],
  ])
}
