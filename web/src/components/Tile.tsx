import { useId, type ReactNode } from 'react'
import { Link } from 'wouter'
import { useI18n } from '../i18n/I18nProvider'
import { isRegistered, PATHS, type ViewName } from '../routes'
import { SourceLine, type Source } from './Provenance'
import { StatLegend, type Mark } from './StatValue'

/** A tile of the overview: a module's one figure that matters, its trend, its source and a link to the module's view. */
export function Tile({
  title,
  view,
  source,
  marks,
  children,
  wide = false,
}: {
  title: string
  /** The view the tile leads to; linked only once that view exists. */
  view?: ViewName
  source?: Source | Source[] | null
  marks?: ReadonlySet<Mark>
  children: ReactNode
  wide?: boolean
}) {
  const { t } = useI18n()
  const id = useId()
  const linked = view && isRegistered(view) && PATHS[view] !== '/'
  return (
    <article className={`tile kern-card${wide ? ' tile--wide' : ''}`} aria-labelledby={`${id}-t`}>
      <div className="kern-card__container tile__container">
        <header className="kern-card__header">
          <h2 id={`${id}-t`} className="kern-title tile__title">
            {title}
          </h2>
        </header>
        <div className="kern-card__body tile__body">{children}</div>
        <footer className="kern-card__footer tile__footer">
          {marks && <StatLegend marks={marks} />}
          <SourceLine source={source} />
          {linked && (
            <Link href={PATHS[view]} className="kern-link tile__link">
              {t('common.moreAbout', { topic: title })}
              <span aria-hidden="true"> →</span>
            </Link>
          )}
        </footer>
      </div>
    </article>
  )
}

/** The big number of a tile with its label and trend line. */
export function KeyFigure({ value, label, trend, detail }: { value: ReactNode; label: string; trend?: ReactNode; detail?: ReactNode }) {
  return (
    <div className="key-figure">
      <p className="key-figure__value">{value}</p>
      <p className="key-figure__label kern-body">{label}</p>
      {trend && <div className="key-figure__trend">{trend}</div>}
      {detail && <div className="key-figure__detail kern-body kern-body--small">{detail}</div>}
    </div>
  )
}
