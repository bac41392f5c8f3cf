import { runService } from '../../lib/service/run-service.js'
import { service } from './server.js'

await runService(service)
