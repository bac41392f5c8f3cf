import { useI18n } from '../i18n/I18nProvider'
import { useFormat } from '../lib/format'

/** Where a figure comes from (the graph's Provenance type, or the parts of it a query asked for). */
export interface Source {
  ownerDepartment: string
  stichtag?: string | null
  asOf?: string | null
}

/** "Quelle: …, Stichtag: …, Stand: …" under every figure. */
export function SourceLine({ source }: { source: Source | Source[] | null | undefined }) {
  const { t } = useI18n()
  const f = useFormat()
  const list = (Array.isArray(source) ? source : source ? [source] : []).filter(Boolean)
  if (!list.length) return null
  const owners = [...new Set(list.map(s => s.ownerDepartment))]
  const stichtage = list
    .map(s => s.stichtag)
    .filter((d): d is string => !!d)
    .sort()
  const asOf = list
    .map(s => s.asOf)
    .filter((d): d is string => !!d)
    .sort()
  const stichtag = stichtage.length ? stichtage[stichtage.length - 1] : null
  const latest = asOf.length ? asOf[asOf.length - 1] : null
  return (
    <p className="source-line kern-body kern-body--small">
      <span>
        {t('figures.source')}: {owners.join('; ')}
      </span>
      {stichtag && (
        <span>
          {t('figures.stichtag')}: <time dateTime={stichtag}>{f.date(stichtag)}</time>
        </span>
      )}
      {latest && (
        <span>
          {t('figures.asOf')}: <time dateTime={latest}>{f.dateTime(latest)}</time>
        </span>
      )}
    </p>
  )
}
