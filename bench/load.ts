import autocannon from 'autocannon'
import { cpuSeconds, sampleRss } from './processes.js'

export interface LoadTarget {
  url: string
  headers: () => Record<string, string>
  /** Process whose CPU and memory are measured (the gateway, or the subgraph for direct calls). */
  pid: number
  /** Further processes whose CPU is added up separately (the subgraphs behind a gateway). */
  backendPids: number[]
}

export interface LoadResult {
  requests: number
  rps: number
  /** Milliseconds; null when no request completed inside the window. */
  p50: number | null
  p95: number | null
  p99: number | null
  /** Transport errors and timeouts. */
  errors: number
  non2xx: number
  /** 2xx responses whose body carries GraphQL errors. */
  graphqlErrors: number
  /** Measured process: CPU cores used on average, and CPU milliseconds per answered request. */
  cpuCores: number | null
  cpuMsPerRequest: number | null
  peakRssMb: number | null
  backendCpuCores: number | null
  /**
   * This process (autocannon, building and checking requests): CPU cores used over the window. It shares
   * the machine with the gateways and departments; absent in results written before it was measured.
   */
  loadGeneratorCpuCores?: number | null
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * Rounds of one target × operation × mode, as one row: requests and errors summed, throughput and CPU
 * per request over all rounds (weighted by their requests), latency percentiles the rounds' median,
 * peak RSS the highest.
 */
export function combineRounds(rounds: readonly LoadResult[]): LoadResult {
  if (rounds.length === 1) return rounds[0]
  const sum = (f: (r: LoadResult) => number) => rounds.reduce((a, r) => a + f(r), 0)
  const known = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null && Number.isFinite(x))
  const med = (f: (r: LoadResult) => number | null) => {
    const xs = known(rounds.map(f))
    return xs.length ? round(median(xs)) : null
  }
  const requests = sum(r => r.requests)
  // Each round lasted requests / rps seconds.
  const seconds = sum(r => (r.rps > 0 ? r.requests / r.rps : 0))
  const cpuMs = rounds.every(r => r.cpuMsPerRequest !== null) ? sum(r => r.cpuMsPerRequest! * r.requests) : null
  const mean = (f: (r: LoadResult) => number | null) => {
    const xs = known(rounds.map(f))
    return xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 2) : null
  }
  return {
    requests,
    rps: round(seconds > 0 ? requests / seconds : 0)!,
    p50: med(r => r.p50),
    p95: med(r => r.p95),
    p99: med(r => r.p99),
    errors: sum(r => r.errors),
    non2xx: sum(r => r.non2xx),
    graphqlErrors: sum(r => r.graphqlErrors),
    cpuCores: mean(r => r.cpuCores),
    cpuMsPerRequest: cpuMs === null || !requests ? null : round(cpuMs / requests, 2),
    peakRssMb: known(rounds.map(r => r.peakRssMb)).reduce<number | null>((a, b) => (a === null || b > a ? b : a), null),
    backendCpuCores: mean(r => r.backendCpuCores),
    loadGeneratorCpuCores: mean(r => r.loadGeneratorCpuCores ?? null),
  }
}

export interface LoadSettings {
  connections: number
  warmupSeconds: number
  durationSeconds: number
  timeoutSeconds: number
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const round = (x: number | null, digits = 1) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)))

function run(
  target: LoadTarget,
  body: () => string,
  connections: number,
  seconds: number,
  timeout: number,
  onResponse: (status: number, body: string) => void,
  latencies: number[] | null,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections,
        duration: seconds,
        method: 'POST',
        timeout,
        requests: [
          {
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              headers: { 'content-type': 'application/json', ...target.headers() },
              body: body(),
            }),
            onResponse: (status: number, responseBody: string) => onResponse(status, responseBody),
          } as autocannon.Request,
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    )
    if (latencies)
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime)
      })
  })
}

/**
 * Warm-up, then a measured window of fixed length with fixed connections. Latency percentiles come
 * from every response of the window (autocannon's own histogram has no p95); CPU from /proc over
 * exactly the window; RSS sampled during it.
 */
export async function measure(target: LoadTarget, body: () => string, s: LoadSettings): Promise<LoadResult> {
  if (s.warmupSeconds > 0) await run(target, body, s.connections, s.warmupSeconds, s.timeoutSeconds, () => {}, null)
  const latencies: number[] = []
  let graphqlErrors = 0
  const cpu0 = cpuSeconds(target.pid)
  const backend0 = target.backendPids.map(cpuSeconds)
  const rss = sampleRss(target.pid)
  const own0 = process.cpuUsage()
  const t0 = performance.now()
  const result = await run(
    target,
    body,
    s.connections,
    s.durationSeconds,
    s.timeoutSeconds,
    (status, responseBody) => {
      if (status >= 200 && status < 300 && responseBody.includes('"errors"')) graphqlErrors++
    },
    latencies,
  )
  const seconds = (performance.now() - t0) / 1000
  const own = process.cpuUsage(own0)
  const cpu1 = cpuSeconds(target.pid)
  const backend1 = target.backendPids.map(cpuSeconds)
  const peakRssMb = rss.stop()
  latencies.sort((a, b) => a - b)
  const answered = result.requests.total
  const cpu = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null
  const backend =
    backend0.every(x => x !== null) && backend1.every(x => x !== null) ? backend1.reduce((a, b, i) => a + b! - backend0[i]!, 0) : null
  return {
    requests: answered,
    rps: round(answered / seconds)!,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    cpuCores: round(cpu === null ? null : cpu / seconds, 2),
    cpuMsPerRequest: round(cpu === null || !answered ? null : (cpu * 1000) / answered, 2),
    peakRssMb: round(peakRssMb, 0),
    backendCpuCores: round(backend === null ? null : backend / seconds, 2),
    loadGeneratorCpuCores: round((own.user + own.system) / 1e6 / seconds, 2),
  }
}
