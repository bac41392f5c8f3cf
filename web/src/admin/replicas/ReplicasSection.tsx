import { useQuery } from 'urql'
import { DataTable } from '../../components/DataTable'
import { Loading } from '../../components/States'
import { graphql } from '../../gql-admin'
import { useI18n } from '../../i18n/I18nProvider'
import { useFormat } from '../../lib/format'
import { adminProblem, problemText } from '../admin-errors'
import '../insight.css'

// Replikate — every gateway replica: the policy version it enforces (marked when it is behind the current one), the
// supergraph it serves (short hash, how long ago it loaded it) and its last heartbeat. Ages are the server's.

export const ReplicasOverview = graphql(`
  query ReplicasOverview {
    policy {
      version
    }
    replicas {
      id
      policyVersion
      seenAt
      supergraphHash
      supergraphLoadedAt
      supergraphAgeSeconds
    }
  }
`)

/** "3 Min.", "2 Std. 5 Min.", "4 Tg." */
export function ageText(
  seconds: number,
  t: (
    k: 'admin.replicas.ageSeconds' | 'admin.replicas.ageMinutes' | 'admin.replicas.ageHours' | 'admin.replicas.ageDays',
    p: Record<string, number>,
  ) => string,
): string {
  if (seconds < 60) return t('admin.replicas.ageSeconds', { n: seconds })
  if (seconds < 3600) return t('admin.replicas.ageMinutes', { n: Math.floor(seconds / 60) })
  if (seconds < 86400) return t('admin.replicas.ageHours', { h: Math.floor(seconds / 3600), m: Math.floor((seconds % 3600) / 60) })
  return t('admin.replicas.ageDays', { n: Math.floor(seconds / 86400) })
}

export default function ReplicasSection() {
  const { t } = useI18n()
  const { dateTime } = useFormat()
  const [{ data, fetching, error }, refetch] = useQuery({ query: ReplicasOverview })
  const problem = adminProblem(error)
  const current = data?.policy.version
  const hashes = new Set(data?.replicas.map(r => r.supergraphHash).filter(Boolean))
  return (
    <section aria-labelledby="replicas-title" className="insight">
      <h1 id="replicas-title" className="kern-heading kern-heading-large">
        {t('admin.replicas.title')}
      </h1>
      <p className="kern-body">{t('admin.replicas.intro')}</p>
      {current !== undefined && <p className="kern-body admin__version">{t('admin.policyVersion', { version: current })}</p>}
      {hashes.size > 1 && (
        <p className="kern-body insight-behind" role="status">
          {t('admin.replicas.mixedSupergraphs', { n: hashes.size })}
        </p>
      )}
      <div className="admin__actions">
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          <span className="kern-label">{t('admin.replicas.refresh')}</span>
        </button>
      </div>
      {problem && (
        <p className="kern-error" role="alert">
          {problemText(t, problem)}
        </p>
      )}
      {fetching && !data && <Loading label={t('admin.loading')} />}
      {data && data.replicas.length === 0 && <p className="kern-body">{t('admin.replicas.none')}</p>}
      {data && data.replicas.length > 0 && (
        <>
          <ul className="insight-cards insight-narrow" aria-label={t('admin.replicas.caption')}>
            {data.replicas.map(r => (
              <li key={r.id} className="insight-card" data-replica={r.id}>
                <h2 className="kern-heading kern-heading-small">
                  <code>{r.id}</code>
                </h2>
                <dl className="insight-facts">
                  <dt>{t('admin.replicas.policyVersion')}</dt>
                  <dd data-testid="replica-version">
                    <VersionCell version={r.policyVersion} current={data.policy.version} />
                  </dd>
                  <dt>{t('admin.replicas.supergraph')}</dt>
                  <dd data-testid="replica-hash">
                    <HashCell hash={r.supergraphHash} />
                  </dd>
                  <dt>{t('admin.replicas.age')}</dt>
                  <dd data-testid="replica-age">
                    <AgeCell seconds={r.supergraphAgeSeconds} loadedAt={r.supergraphLoadedAt} />
                  </dd>
                  <dt>{t('admin.replicas.seenAt')}</dt>
                  <dd>{dateTime(r.seenAt)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <DataTable
            caption={t('admin.replicas.caption')}
            captionClassName="kern-title insight-caption"
            className="insight-table"
            regionClassName="insight-wide"
            testId="replicas-table"
            columns={[
              { label: t('admin.replicas.id') },
              { label: t('admin.replicas.policyVersion'), testId: 'replica-version' },
              { label: t('admin.replicas.supergraph'), testId: 'replica-hash' },
              { label: t('admin.replicas.age'), testId: 'replica-age' },
              { label: t('admin.replicas.seenAt') },
            ]}
            rows={data.replicas.map(r => [
              <code>{r.id}</code>,
              <VersionCell version={r.policyVersion} current={data.policy.version} />,
              <HashCell hash={r.supergraphHash} />,
              <AgeCell seconds={r.supergraphAgeSeconds} loadedAt={r.supergraphLoadedAt} />,
              dateTime(r.seenAt),
            ])}
            rowKey={i => data.replicas[i].id}
            rowData={i => ({ replica: data.replicas[i].id })}
          />
        </>
      )}
    </section>
  )
}

function VersionCell({ version, current }: { version: number; current: number }) {
  const { t } = useI18n()
  return version < current ? (
    <span className="insight-behind">⚠ {t('admin.replicas.behind', { version, current })}</span>
  ) : (
    <span>✓ {t('admin.replicas.current', { version })}</span>
  )
}

function HashCell({ hash }: { hash: string | null | undefined }) {
  const { t } = useI18n()
  return hash ? <code title={hash}>{hash.slice(0, 8)}</code> : <>{t('admin.replicas.unknown')}</>
}

function AgeCell({ seconds, loadedAt }: { seconds: number | null | undefined; loadedAt: string | null | undefined }) {
  const { t } = useI18n()
  const { dateTime } = useFormat()
  if (seconds == null || !loadedAt) return <>{t('admin.replicas.unknown')}</>
  return (
    <>
      {ageText(seconds, t)}
      <br />
      <span className="insight-muted">{t('admin.replicas.loadedAt', { at: dateTime(loadedAt) })}</span>
    </>
  )
}
