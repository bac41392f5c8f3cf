import { readdirSync, existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { join, resolve } from 'node:path'
import type { ServiceDefinition } from './define-service.js'

export const SERVICES_DIR = fileURLToPath(new URL('../../services/', import.meta.url))

/** Department folders: every `services/<name>/server.ts`. Adding a department is adding a folder. */
export function serviceFolders(dir = SERVICES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(e => e.isDirectory() && existsSync(join(dir, e.name, 'server.ts')))
    .map(e => e.name)
    .sort()
}

async function importService(folder: string, dir: string): Promise<ServiceDefinition> {
  // The departments of this repository by a path pattern, which a build for plain `node` bundles (the
  // catalog loads the other departments' definitions: lib/service/build-departments.ts); others by path.
  const mod =
    resolve(dir) === resolve(SERVICES_DIR)
      ? await import(`../../services/${folder}/server.ts`)
      : await import(pathToFileURL(join(dir, folder, 'server.ts')).href)
  if (!mod.service) throw new Error(`services/${folder}/server.ts must export \`service\` (defineService(...))`)
  return mod.service as ServiceDefinition
}

/**
 * One department's definition. A department that needs the others' (`withDepartments`, the catalog)
 * is handed every other department of `dir` as exported by its folder.
 */
export async function loadService(folder: string, dir = SERVICES_DIR): Promise<ServiceDefinition> {
  const service = await importService(folder, dir)
  if (!service.withDepartments) return service
  const others = await Promise.all(
    serviceFolders(dir)
      .filter(f => f !== folder)
      .map(f => importService(f, dir)),
  )
  return service.withDepartments(others)
}

/** `STADTGRAPH_SERVICES` (comma-separated folder names), or null: every department. */
export function servicesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | null {
  return (
    env.STADTGRAPH_SERVICES?.split(',')
      .map(s => s.trim())
      .filter(Boolean) ?? null
  )
}

/**
 * All departments, ordered by their default port (geo first), then name. `only` (folder names; default
 * `STADTGRAPH_SERVICES`, comma-separated) restricts the set, e.g. to work on one department alone.
 */
export async function loadServices(dir = SERVICES_DIR, only: readonly string[] | null = servicesFromEnv()): Promise<ServiceDefinition[]> {
  const folders = serviceFolders(dir).filter(f => !only || only.includes(f))
  const services = await Promise.all(folders.map(f => loadService(f, dir)))
  return services.sort((a, b) => a.defaultPort - b.defaultPort || a.name.localeCompare(b.name))
}
