# Build stage: every dependency, the TypeScript sources → dist/ (tsconfig.build.json).
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is a native module: its install script fetches a prebuilt binary or compiles one.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build
# The explorer at / (on in production too) and GraphiQL (served only when PLAYGROUND is on),
# bundled by esbuild into dist/web/.
COPY README.md ./
COPY tools/build-web.ts tools/build-graphiql.ts tools/build-explorer.ts ./tools/
COPY web ./web
RUN npm run build:web
RUN npm prune --omit=dev

# Run stage: production dependencies and the compiled server; no TypeScript, no tsx.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Production dependencies from the build stage, better-sqlite3's compiled binary included.
COPY --from=build /app/node_modules ./node_modules
# dist/ beside schema/ and data/, as in the repository: the server finds them from its own path.
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY data ./data
# The embedded store's data file (unused with NEO4J_URI); mount a volume here to keep it.
ENV DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4000
# A 64 MB young generation, as `npm start` runs it (see the README, "Memory and the collector").
CMD ["node", "--max-semi-space-size=64", "dist/main.js"]
