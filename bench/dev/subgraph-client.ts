import http from 'node:http'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Pool } from 'undici'

// Client CPU per subgraph call, node:http's keep-alive Agent against undici's Pool (what
// gateway/transport/http-pool.ts uses): the same small `_entities` POST and answer, a local server in
// this process, each client in a child process of its own so that only the client's CPU is counted.
//   npx tsx bench/dev/subgraph-client.ts [requests=20000] [concurrency=20]
const body = JSON.stringify({
  query:
    'query($representations:[_Any!]!){_entities(representations:$representations){... on District{population(year:2020){total{value status}}}}}',
  variables: { representations: [{ __typename: 'District', code: '01' }] },
})
const answer = JSON.stringify({ data: { _entities: [{ population: { total: { value: 1234, status: 'OK' } } }] } })
const token = { 'x-internal-token': 'a'.repeat(400) }

async function client(mode: string, port: number, n: number, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 })
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 128 })
  const viaHttp = () =>
    new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...token },
        },
        res => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve(Buffer.concat(chunks).toString()))
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  const viaUndici = async () =>
    (await pool.request({ path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', ...token }, body })).body.text()
  const call = mode === 'node:http' ? viaHttp : viaUndici
  for (let i = 0; i < 2000; i++) await call()
  const cpu0 = process.cpuUsage()
  let sent = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < n) {
        sent++
        if ((await call()) !== answer) throw new Error('wrong answer')
      }
    }),
  )
  const cpu = process.cpuUsage(cpu0)
  console.log(
    `${mode.padEnd(9)} client CPU per call ${((cpu.user + cpu.system) / sent).toFixed(1)} µs (user ${(cpu.user / sent).toFixed(1)}, system ${(cpu.system / sent).toFixed(1)})`,
  )
  await pool.close()
  agent.destroy()
}

const [mode, portArg, nArg, cArg] = process.argv.slice(2)
if (mode === 'node:http' || mode === 'undici') {
  await client(mode, Number(portArg), Number(nArg), Number(cArg))
} else {
  const n = Number(process.argv[2] ?? 20000)
  const concurrency = Number(process.argv[3] ?? 20)
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) })
      res.end(answer)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  for (const m of ['node:http', 'undici', 'node:http', 'undici']) {
    const child = fork(fileURLToPath(import.meta.url), [m, String(port), String(n), String(concurrency)], { execArgv: ['--import', 'tsx'] })
    await new Promise(resolve => child.on('exit', resolve))
  }
  server.close()
}
