# One image for every Stadtgraph process; the command picks the department or the gateway.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts
COPY lib lib
COPY schema schema
COPY services services
COPY gateway gateway
COPY auth auth
USER node
EXPOSE 4000
CMD ["node", "--import", "tsx", "gateway/index.ts"]
