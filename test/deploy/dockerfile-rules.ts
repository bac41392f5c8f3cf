/**
 * The rules the project's Dockerfile keeps, checked without a container engine (Debian has no hadolint
 * package): a small parser of instructions and the checks test/deploy/dockerfile.test.ts runs. Each rule
 * says what is wrong in words a reviewer can act on.
 */

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY … */
  readonly keyword: string
  /** The rest of the instruction, continuation lines joined. */
  readonly args: string
  readonly line: number
  /** Index of the build stage (FROM … starts the next one). */
  readonly stage: number
}

/** The Dockerfile's instructions: comments and blank lines dropped, `\` continuations joined. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = []
  const lines = text.split('\n')
  let stage = -1
  for (let i = 0; i < lines.length; i++) {
    const first = i
    let line = lines[i]
    if (/^\s*(#|$)/.test(line)) continue
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      i++
      if (/^\s*#/.test(lines[i])) continue
      line = line.replace(/\\\s*$/, ' ') + lines[i].trim()
    }
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(line)
    if (!m) continue
    const keyword = m[1].toUpperCase()
    if (keyword === 'FROM') stage++
    out.push({ keyword, args: m[2].trim(), line: first + 1, stage })
  }
  return out
}

const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|SIGNING_KEY|CREDENTIALS?)/i

/** Every rule the Dockerfile breaks, as messages with line numbers; empty when it keeps them all. */
export function checkDockerfile(text: string): string[] {
  const all = parseDockerfile(text)
  const problems: string[] = []
  const at = (i: Instruction, msg: string) => problems.push(`line ${i.line}: ${msg}`)
  const froms = all.filter(i => i.keyword === 'FROM')
  if (froms.length < 2) problems.push('multi-stage build expected: a build stage and a smaller runtime stage')
  const stageNames = new Set(froms.map(f => /\bAS\s+(\S+)/i.exec(f.args)?.[1]).filter(Boolean))
  for (const f of froms) {
    const image = f.args.replace(/^--platform=\S+\s+/, '').split(/\s+/)[0]
    if (stageNames.has(image)) continue
    if (image.includes('$')) at(f, `base image ${image} comes from a build argument: pin it in the FROM line`)
    else if (!/@sha256:[0-9a-f]{64}$/.test(image) && !/:[^:@]*\d+\.\d+\.\d+[^:@]*$/.test(image)) {
      at(f, `base image ${image} is not pinned to a full version (x.y.z) or a digest`)
    }
  }
  const last = froms.length - 1
  const final = all.filter(i => i.stage === last)
  for (const i of all) {
    if (i.keyword === 'HEALTHCHECK') at(i, 'no HEALTHCHECK: Kubernetes probes /healthz and /readyz (and compose has its own)')
    if (i.keyword === 'ADD') {
      at(i, /https?:\/\//.test(i.args) ? 'ADD from a URL: fetch and verify in a RUN step, or COPY' : 'use COPY, not ADD')
    }
    if (i.keyword === 'ENV' || i.keyword === 'ARG') {
      for (const m of i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=|\s+)("[^"]*"|\S*)/g)) {
        if (SECRET_NAME.test(m[1]) && m[2]) at(i, `${i.keyword} ${m[1]} bakes a secret into the image: pass it at run time`)
      }
    }
    if (i.keyword === 'RUN' && /\b(curl|wget)\b[^|]*\|\s*(ba)?sh\b/.test(i.args)) at(i, 'piping a download into a shell')
    if (i.keyword === 'RUN' && /\bnpm\s+install\b/.test(i.args)) at(i, 'npm install: use npm ci (the lock file decides)')
    if (i.keyword === 'RUN' && /\bsudo\b/.test(i.args)) at(i, 'sudo in a build step')
    if (i.keyword === 'COPY' && /^\.\s+\.?\/?$|^\.\s+\.$/.test(i.args))
      at(i, 'COPY . copies the whole context (secrets, .git): copy the folders needed')
  }
  const users = final.filter(i => i.keyword === 'USER')
  const user = users.at(-1)
  if (!user) problems.push('the runtime stage sets no USER: it would run as root')
  else if (!/^[1-9]\d*(:[1-9]\d*)?$/.test(user.args)) {
    at(user, `USER ${user.args}: a numeric non-root uid (Kubernetes runAsNonRoot cannot check a user name)`)
  } else {
    for (const i of final)
      if (i.line > user.line && i.keyword === 'RUN') at(i, 'RUN after USER in the runtime stage: build steps belong before it')
  }
  if (!final.some(i => i.keyword === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args))) {
    problems.push('the runtime stage installs its packages with `npm ci --omit=dev` (no dev dependencies)')
  }
  const cmd = final.filter(i => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT').at(-1)
  if (!cmd) problems.push('the runtime stage has no CMD')
  else {
    if (!cmd.args.startsWith('[')) at(cmd, `${cmd.keyword} in shell form: use the exec form (signals reach node)`)
    if (/tsx/.test(cmd.args)) at(cmd, `${cmd.keyword} runs the TypeScript loader: run the bundle with plain node`)
  }
  return problems
}

/** What a `.dockerignore` must keep out of the build context. */
export function checkDockerignore(text: string): string[] {
  const entries = new Set(text.split('\n').map(l => l.trim()))
  return ['node_modules', '.git', '.env', '.data'].filter(e => !entries.has(e)).map(e => `.dockerignore lacks ${e}`)
}
