import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { Link } from 'wouter'
import { departmentName, Loading } from '../components/States'
import { useI18n } from '../i18n/I18nProvider'
import { EntryForm } from './EntryForm'
import { Upload } from './Upload'
import { useWritableDatasets } from './use-datasets'

const TABS = ['form', 'upload'] as const
type Tab = (typeof TABS)[number]

/** One dataset: enter rows in a form, or upload a file (two tabs). */
export default function DatasetPage({ department, name }: { department: string; name: string }) {
  const { t } = useI18n()
  const { datasets, loading } = useWritableDatasets()
  const [tab, setTab] = useState<Tab>(() => (new URLSearchParams(window.location.search).get('weg') === 'datei' ? 'upload' : 'form'))
  const id = useId()
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ form: null, upload: null })

  if (loading) return <Loading />
  const form = datasets?.find(d => d.department === department && d.name === name)
  const back = (
    <p className="de-back">
      <Link href="/" className="kern-link">
        <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" /> {t('dataEntry.back')}
      </Link>
    </p>
  )
  if (!form)
    return (
      <section className="view de-view" aria-labelledby="de-title">
        {back}
        <h1 id="de-title" className="kern-heading kern-heading-large">
          {t('common.notFoundTitle')}
        </h1>
        <p className="kern-body">{t('dataEntry.unknownDataset')}</p>
      </section>
    )

  const choose = (next: Tab) => {
    setTab(next)
    const url = new URL(window.location.href)
    if (next === 'upload') url.searchParams.set('weg', 'datei')
    else url.searchParams.delete('weg')
    window.history.replaceState(window.history.state, '', url)
  }
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab)
    const next =
      e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null
    if (!next) return
    e.preventDefault()
    choose(next)
    tabRefs.current[next]?.focus()
  }
  const label = (x: Tab) => (x === 'form' ? t('dataEntry.tabForm') : t('dataEntry.tabUpload'))

  return (
    <section className="view de-view" aria-labelledby="de-title">
      {back}
      <h1 id="de-title" className="kern-heading kern-heading-large">
        {form.title}
      </h1>
      <p className="kern-body de-intro">
        {departmentName(t, form.department)} · <code>{form.id}</code>
      </p>
      {form.period?.length ? (
        <p className="kern-body" data-testid="de-period">
          {t('dataEntry.periodHint', {
            parts: form.period.map(p => form.fields.find(x => x.name === p)?.label ?? p).join(` ${t('dataEntry.and')} `),
          })}
        </p>
      ) : null}
      <div className="de-tabs" role="tablist" aria-label={t('dataEntry.tabs')} onKeyDown={onKey}>
        {TABS.map(x => (
          <button
            key={x}
            ref={el => void (tabRefs.current[x] = el)}
            type="button"
            role="tab"
            id={`${id}-tab-${x}`}
            aria-controls={`${id}-panel-${x}`}
            aria-selected={tab === x}
            tabIndex={tab === x ? 0 : -1}
            className={`de-tab${tab === x ? ' de-tab--active' : ''}`}
            onClick={() => choose(x)}
          >
            {label(x)}
          </button>
        ))}
      </div>
      {TABS.map(x => (
        <div key={x} role="tabpanel" id={`${id}-panel-${x}`} aria-labelledby={`${id}-tab-${x}`} hidden={tab !== x} className="de-panel">
          {tab === x && (x === 'form' ? <EntryForm form={form} /> : <Upload form={form} />)}
        </div>
      ))}
    </section>
  )
}
