import { ERROR_CODES } from './errors.js'

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** docs/errors.md, written from the catalogue in platform/errors.ts (`npm run docs:errors`). */
export function renderErrorDocs(): string {
  const rows = Object.entries(ERROR_CODES).map(
    ([code, spec]) => `| \`${code}\` | ${spec.status.join(', ')} | ${cell(spec.when)} | ${cell(spec.action)} |`,
  )
  return `# Error catalog

<!-- Written by \`npm run docs:errors\` from platform/errors.ts; edit the catalogue there, not this file. -->

Every GraphQL error carries \`extensions.code\`, and every refusal before GraphQL (an HTTP status
with \`{ "errors": [{ "message", "extensions": { "code" } }] }\`) too. Errors outside this catalog
never reach a client: they are logged on the server and answered as \`INTERNAL_SERVER_ERROR\` with a
generic message (no SQL, no file paths, no stack traces). Messages that echo client input are cut to
1 000 characters.

The HTTP column lists every status a response with the code is sent with, the usual one first.

| code | HTTP | when | what the client can do |
|---|---|---|---|
${rows.join('\n')}

## Adding a code

Add one entry to \`ERROR_CODES\` in \`platform/errors.ts\` (its HTTP statuses, whether its message is
written for clients, when it happens, what the client can do), then run \`npm run docs:errors\`.
Code names a refusal through the catalogue (\`graphqlError()\`, \`errorEntry()\` and \`sendError()\` in
\`platform/errors.ts\` and \`platform/http/send-json.ts\`, \`HttpRefusal\`, \`AuthError\`, \`PolicyError\`,
\`DataEntryError\`), so a code that is not here, or an HTTP status not listed for it, fails the typecheck.
\`platform/errors.test.ts\` fails while the source sends a code that is not in the catalogue, sends one with
a status the catalogue does not list, or this file differs from the catalogue.
`
}
