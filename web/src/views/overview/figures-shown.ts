import { useEffect, type RefObject } from 'react'

/** The performance mark set once the overview shows its figures (read by bench/web.ts from Chromium's timeline). */
export const FIGURES_SHOWN_MARK = 'klar:overview-figures'

/**
 * Sets FIGURES_SHOWN_MARK the first time the overview has tiles and none of them is loading any more (each tile asks
 * the graph on its own; the warning gauge is drawn with its tile).
 */
export function useFiguresShownMark(section: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = section.current
    if (!el || performance.getEntriesByName(FIGURES_SHOWN_MARK, 'mark').length > 0) return
    const shown = () => el.querySelector('.tiles > li') !== null && el.querySelector('.state--loading') === null
    if (shown()) return void performance.mark(FIGURES_SHOWN_MARK)
    const observer = new MutationObserver(() => {
      if (!shown()) return
      observer.disconnect()
      performance.mark(FIGURES_SHOWN_MARK)
    })
    observer.observe(el, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [section])
}
