import { useMemo } from 'react'
import { useI18n } from '../i18n/I18nProvider'

export interface Formatters {
  number: (n: number, digits?: number) => string
  percent: (share: number, digits?: number) => string
  /** Signed change, e.g. "+1,2 %" or "−350". */
  signed: (n: number, digits?: number) => string
  euro: (amount: number) => string
  /** Large amounts shortened ("530 Mio. €"). */
  euroCompact: (amount: number) => string
  /** An amount in millions with one decimal ("−52,8 Mio. €", "€−52.8m"): budget figures side by side. */
  euroMillions: (amount: number, signed?: boolean) => string
  date: (iso: string) => string
  dateTime: (iso: string) => string
  month: (yyyyMm: string) => string
}

export function makeFormatters(locale: string): Formatters {
  const num = (digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })
  const cache = new Map<number, Intl.NumberFormat>()
  const n = (digits: number) => {
    let f = cache.get(digits)
    if (!f) cache.set(digits, (f = num(digits)))
    return f
  }
  const dateFmt = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
  const monthFmt = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })
  const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
  const euroCompact = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 })
  return {
    number: (v, digits = 0) => n(digits).format(v),
    percent: (share, digits = 1) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(share),
    signed: (v, digits = 0) => (v > 0 ? '+' : v < 0 ? '−' : '±') + n(digits).format(Math.abs(v)),
    euro: v => euro.format(v),
    euroCompact: v => euroCompact.format(v),
    euroMillions: (v, signed = false) => {
      const sign = v > 0 ? (signed ? '+' : '') : v < 0 ? '−' : signed ? '±' : ''
      const m = n(1).format(Math.abs(v) / 1e6)
      return locale.startsWith('de') ? `${sign}${m} Mio. €` : `${sign}€${m}m`
    },
    date: iso => dateFmt.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    dateTime: iso => dateTimeFmt.format(new Date(iso)),
    month: ym => monthFmt.format(new Date(`${ym}-01T00:00:00Z`)),
  }
}

// One set of formatters per language for the whole app: an Intl formatter is costly to create, and every tile and
// source line asks for them (made per component, they blocked a phone's main thread for hundreds of milliseconds).
const byLocale = new Map<string, Formatters>()

/** Number and date formatting in the language on screen. */
export function useFormat(): Formatters {
  const { locale } = useI18n()
  return useMemo(() => {
    let f = byLocale.get(locale)
    if (!f) byLocale.set(locale, (f = makeFormatters(locale)))
    return f
  }, [locale])
}
