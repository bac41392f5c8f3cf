/**
 * What the gateway answers about one token (may it open the console, which datasets may it write), asked once per
 * token and kept for the last few tokens (a token is renewed hourly). An answer that decided nothing — `undefined`
 * from `ask`, or a failed request: the gateway was unreachable, overloaded or failing — is not kept, so the next
 * render asks again instead of keeping the caller out until the token is renewed.
 */
export function askOncePerToken<T>(ask: (token: string) => Promise<T | undefined>, undecided: T, keep = 8): (token: string) => Promise<T> {
  const byToken = new Map<string, Promise<T>>()
  return token => {
    let answer = byToken.get(token)
    if (!answer) {
      const asked: Promise<T> = ask(token)
        .catch(() => undefined)
        .then(value => {
          if (value !== undefined) return value
          if (byToken.get(token) === asked) byToken.delete(token)
          return undecided
        })
      answer = asked
      if (byToken.size >= keep) byToken.delete(byToken.keys().next().value as string)
      byToken.set(token, answer)
    }
    return answer
  }
}
