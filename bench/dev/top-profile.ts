import { readFileSync } from 'node:fs'

// Summarises a .cpuprofile (node --cpu-prof): self time by package and function, and inclusive
// time by function, over `seconds` of the profile ending `skip` seconds before its end (skips start-up
// and warm-up, and the shutdown at the end of a benchmark run, when departments stop under load and
// the gateway's error paths would show).
//   npx tsx bench/dev/top-profile.ts <file>.cpuprofile [seconds=10] [rows=40] [skip=2]
interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}
const windowUs = Number(process.argv[3] ?? 10) * 1e6
const rows = Number(process.argv[4] ?? 40)
const skipUs = Number(process.argv[5] ?? 2) * 1e6
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const byId = new Map(profile.nodes.map(n => [n.id, n]))
const label = (n: Node) =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/perf\//, '')}:${n.callFrame.lineNumber + 1}`
const pkgOf = (n: Node) => {
  const url = n.callFrame.url
  if (url.includes('node_modules/'))
    return url
      .replace(/^.*node_modules\//, '')
      .split('/')
      .slice(0, url.includes('node_modules/@') ? 2 : 1)
      .join('/')
  return url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : url ? 'project' : n.callFrame.functionName
}
const self = new Map<string, number>(),
  incl = new Map<string, number>(),
  byPkg = new Map<string, number>()
let t = profile.startTime,
  total = 0
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0
  t += dt
  if (t < profile.endTime - skipUs - windowUs || t > profile.endTime - skipUs) return
  total += dt
  const node = byId.get(id)!
  self.set(label(node), (self.get(label(node)) ?? 0) + dt)
  byPkg.set(pkgOf(node), (byPkg.get(pkgOf(node)) ?? 0) + dt)
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!)
    if (!seen.has(l)) {
      seen.add(l)
      incl.set(l, (incl.get(l) ?? 0) + dt)
    }
  }
})
const show = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([k, v]) => console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`))
console.log(`window ${(total / 1e6).toFixed(1)} s`)
console.log('— self by package —')
show(byPkg, 20)
console.log('— self by function —')
show(self, rows)
console.log('— inclusive by function —')
show(incl, rows)
