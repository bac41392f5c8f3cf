import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deployDepartments, renderDeployFiles } from './deploy-config.js'

// npm run deploy:generate: docker-compose.yml and docker/postgres-init.sh from the department folders
// and the templates in docker/ (scripts/deploy-config.ts), and the generated parts of deploy/kubernetes/
// (scripts/deploy-kubernetes.ts).
const root = fileURLToPath(new URL('../', import.meta.url))
for (const [path, text] of renderDeployFiles(await deployDepartments(), root)) {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), text)
  console.log(`wrote ${path}`)
}
