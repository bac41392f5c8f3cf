# One image for every Stadtgraph process; the command picks the gateway, a department or the migration
# runner, all bundled for plain `node` (no TypeScript loader at run time):
#   node --enable-source-maps .data/gateway/gateway.js          (the default)
#   node --enable-source-maps .data/departments/<name>.js       (one department)
#   node --enable-source-maps .data/db/db.js seed               (migrations + demo seed, once per release)
# Runs as uid 1000 (numeric, for runAsNonRoot) on a read-only root filesystem: nothing writes outside /tmp.
# No HEALTHCHECK: Kubernetes probes /healthz and /readyz; compose has healthchecks of its own.
# Build: npm run image:build (docker, podman or buildah). Checked by test/deploy/dockerfile.test.ts.

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY platform platform
COPY lib lib
COPY schema schema
COPY services services
COPY gateway gateway
COPY auth auth
COPY scripts scripts
COPY web web
# The bundles (gateway, departments, migration runner) and the web app the gateway serves.
RUN node --import tsx gateway/build.ts \
  && node --import tsx scripts/build-departments.ts \
  && npx vite build --config web/vite.config.ts --logLevel warn

FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production TMPDIR=/tmp
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/.data .data
# Production packages only, then only those the bundles load: the web app's build tools, esbuild and the
# embedded PostgreSQL of `npm start` stay out (scripts/prune-packages.ts; about 480 MB → 100 MB).
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
  && node .data/tools/prune-packages.js \
  && npm cache clean --force && rm -rf /root/.npm
# The bundles read their files (schemas, GraphiQL, supergraph) from the sources' places.
COPY platform platform
COPY lib lib
COPY schema schema
COPY services services
COPY gateway gateway
COPY auth auth
COPY --from=build /app/web/dist web/dist
USER 1000:1000
EXPOSE 4000
CMD ["node", "--enable-source-maps", ".data/gateway/gateway.js"]
