import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AnyDatasetDeclaration } from '../data-entry/define-dataset.js'
import { SERVICES_DIR } from './discover-services.js'

/** A department's dataset declarations by export name; `{}` for a department that declares none. */
export type DatasetDeclarations = Readonly<Record<string, AnyDatasetDeclaration>>

/**
 * The datasets a department keeps current by data entry: `export const datasets` of
 * `services/<folder>/datasets.ts` (the file `npm run import` reads too), or none.
 */
export async function loadDatasets(folder: string, dir = SERVICES_DIR): Promise<DatasetDeclarations> {
  if (!/^[a-z][a-z0-9_-]*$/.test(folder) || !existsSync(join(dir, folder, 'datasets.ts'))) return {}
  const mod =
    resolve(dir) === resolve(SERVICES_DIR)
      ? await import(`../../services/${folder}/datasets.ts`)
      : await import(pathToFileURL(join(dir, folder, 'datasets.ts')).href)
  return (mod.datasets ?? {}) as DatasetDeclarations
}
