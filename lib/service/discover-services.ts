import { readdirSync, existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { join } from 'node:path'
import type { ServiceDefinition } from './define-service.js'

export const SERVICES_DIR = fileURLToPath(new URL('../../services/', import.meta.url))

/** Department folders: every `services/<name>/server.ts`. Adding a department is adding a folder. */
export function serviceFolders(dir = SERVICES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter(e => e.isDirectory() && existsSync(join(dir, e.name, 'server.ts')))
    .map(e => e.name)
    .sort()
}

export async function loadService(folder: string, dir = SERVICES_DIR): Promise<ServiceDefinition> {
  const mod = await import(pathToFileURL(join(dir, folder, 'server.ts')).href)
  if (!mod.service) throw new Error(`services/${folder}/server.ts must export \`service\` (defineService(...))`)
  return mod.service as ServiceDefinition
}

/**
 * All departments, ordered by their default port (geo first), then name. `STADTGRAPH_SERVICES`
 * (comma-separated folder names) restricts the set, e.g. to work on one department alone.
 */
export async function loadServices(dir = SERVICES_DIR): Promise<ServiceDefinition[]> {
  const only = process.env.STADTGRAPH_SERVICES?.split(',').map(s => s.trim()).filter(Boolean)
  const folders = serviceFolders(dir).filter(f => !only || only.includes(f))
  const services = await Promise.all(folders.map(f => loadService(f, dir)))
  return services.sort((a, b) => a.defaultPort - b.defaultPort || a.name.localeCompare(b.name))
}
