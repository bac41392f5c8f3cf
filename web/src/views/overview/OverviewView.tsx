import { startTransition, useEffect, useMemo, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import {
  AsylumCard,
  FinanceCard,
  FreshnessCard,
  KitaCard,
  LightingCard,
  PopulationCard,
  SocialCard,
  WarningCard,
  type Years,
} from './tiles'
import { useFiguresShownMark } from './figures-shown'
import './overview.css'

/** How many years the tiles look back for their trend. */
const YEARS_BACK = 6

/**
 * Übersicht: one tile per module with the figure that matters and its trend, the warning gauge and the data
 * freshness. Each tile asks the graph on its own, so each renders as soon as its department answers; a tile the
 * caller's role may not see is left out.
 */
export default function OverviewView() {
  const { t } = useI18n()
  const to = new Date().getFullYear()
  const section = useRef<HTMLElement>(null)
  useFiguresShownMark(section)
  const years = useMemo<Years>(() => ({ from: to - YEARS_BACK + 1, to, prev: to - 1, prev2: to - 2 }), [to])
  // The heading first, the tiles in a transition right after: React builds the eight tiles (and starts their queries)
  // in slices of a few milliseconds, so the first screen paints at once and the main thread stays free for input.
  const [tiles, setTiles] = useState(false)
  useEffect(() => startTransition(() => setTiles(true)), [])
  return (
    <section ref={section} className="view view--overview" aria-labelledby="overview-title">
      <header className="view__header">
        <h1 id="overview-title" className="kern-heading kern-heading-large view__title">
          {t('overview.title')}
        </h1>
        <p className="kern-body view__lead">{t('overview.lead')}</p>
      </header>
      {tiles ? (
        <>
          <ul className="tiles">
            <PopulationCard years={years} />
            <AsylumCard years={years} />
            <FinanceCard years={years} />
            <KitaCard years={years} />
            <SocialCard years={years} />
            <LightingCard years={years} />
            <WarningCard />
            <FreshnessCard />
          </ul>
          <p className="tiles__none kern-body">{t('overview.nothingVisible')}</p>
        </>
      ) : (
        // The tiles' room, so that nothing below them is on screen before they are and then jumps.
        <div className="tiles-pending" aria-hidden="true" />
      )}
    </section>
  )
}
