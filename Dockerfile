# One image for every Stadtgraph process; the command picks the department or the gateway.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts
COPY platform platform
COPY lib lib
COPY schema schema
COPY services services
COPY gateway gateway
COPY auth auth
# The gateway runs bundled, with plain node: started through the TypeScript loader it would keep the
# loader (a thread with a V8 instance of its own) for its whole life, ~60 MB of memory and some CPU per
# request (lib/service/build-departments.ts, buildGateway). Departments still run through tsx.
RUN node --import tsx gateway/build.ts
USER node
EXPOSE 4000
CMD ["node", "--enable-source-maps", ".data/gateway/gateway.js"]
