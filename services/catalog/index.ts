import { loadService } from '../../lib/service/discover-services.js'
import { runService } from '../../lib/service/run-service.js'

// Through the kit: it hands the catalog the other departments' definitions (services/catalog/server.ts).
await runService(await loadService('catalog'))
