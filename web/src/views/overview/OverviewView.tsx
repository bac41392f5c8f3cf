import { useMemo } from 'react'
import { useQuery } from 'urql'
import { CITY } from '../../config'
import { ErrorState, Loading } from '../../components/States'
import { departmentsDown } from '../../graphql/errors'
import { useI18n } from '../../i18n/I18nProvider'
import { asylumTile, financeTile, freshnessTile, kitaTile, lightingTile, populationTile, socialTile } from './model'
import { OverviewFiguresQuery } from './queries'
import { AsylumCard, FinanceCard, FreshnessCard, KitaCard, LightingCard, PopulationCard, SocialCard, WarningCard } from './tiles'

/** How many years the tiles look back for their trend. */
const YEARS_BACK = 6

/** The departments a tile's figure depends on (Year and District entities come from geo). */
const DEPENDS: Record<string, readonly string[]> = {
  population: ['population', 'geo'],
  asylum: ['asylum', 'geo'],
  finance: ['finance', 'geo'],
  kita: ['education', 'population', 'geo'],
  social: ['social', 'population', 'geo'],
  lighting: ['infrastructure', 'geo'],
  warning: ['social', 'catalog', 'geo'],
  freshness: ['catalog'],
}

export default function OverviewView() {
  const { t } = useI18n()
  const to = new Date().getFullYear()
  const variables = useMemo(() => ({ from: to - YEARS_BACK + 1, to, prev: to - 1, prev2: to - 2, ags: CITY.ags }), [to])
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OverviewFiguresQuery, variables })

  const down = departmentsDown(error)
  const downFor = (tile: keyof typeof DEPENDS) => down.filter(d => DEPENDS[tile].includes(d))

  let body
  if (!data && fetching) body = <Loading />
  else if (!data && error && !down.length) body = <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
  else {
    const d = data ?? ({} as NonNullable<typeof data>)
    body = (
      <ul className="tiles">
        <li>
          <PopulationCard tile={data ? populationTile(d) : null} source={d.populationDataset} down={downFor('population')} />
        </li>
        <li>
          <AsylumCard tile={data ? asylumTile(d) : null} down={downFor('asylum')} />
        </li>
        <li>
          <FinanceCard tile={data ? financeTile(d) : null} down={downFor('finance')} />
        </li>
        <li>
          <KitaCard tile={data ? kitaTile(d) : null} down={downFor('kita')} />
        </li>
        <li>
          <SocialCard tile={data ? socialTile(d) : null} down={downFor('social')} />
        </li>
        <li>
          <LightingCard tile={data ? lightingTile(d) : null} down={downFor('lighting')} />
        </li>
        <li>
          <WarningCard day={d.healthDataset?.stichtag ?? null} down={downFor('warning')} />
        </li>
        <li>
          <FreshnessCard tile={data ? freshnessTile(d) : null} down={downFor('freshness')} />
        </li>
      </ul>
    )
  }

  return (
    <section className="view view--overview" aria-labelledby="overview-title" aria-busy={fetching}>
      <header className="view__header">
        <h1 id="overview-title" className="kern-heading kern-heading-large view__title">
          {t('overview.title')}
        </h1>
        <p className="kern-body view__lead">{t('overview.lead')}</p>
      </header>
      {body}
    </section>
  )
}
