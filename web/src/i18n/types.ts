import type { de } from './index'

/** The German catalogue is the reference: every other language has exactly its keys. */
export type Catalogue = typeof de
export type Namespace = keyof Catalogue
/** A namespace's strings in another language: the same keys as German, each a string. */
export type Messages<N extends Namespace> = { [K in keyof Catalogue[N]]: string }
/** A message key, `namespace.key` (e.g. `nav.overview`, `figures.department.asylum`). */
export type MessageKey = { [N in Namespace]: `${N}.${Extract<keyof Catalogue[N], string>}` }[Namespace]
export type Lang = 'de' | 'en'
