# Build stage: every dependency, the TypeScript sources → dist/ (tsconfig.build.json).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build
# The explorer at / (on in production too) and GraphiQL (served only when PLAYGROUND is on),
# bundled by esbuild into dist/web/.
COPY README.md ./
COPY tools/build-web.ts tools/build-graphiql.ts tools/build-explorer.ts ./tools/
COPY web ./web
RUN npm run build:web

# Run stage: production dependencies and the compiled server; no TypeScript, no tsx.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
# dist/ beside schema/ and data/, as in the repository: the server finds them from its own path.
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY data ./data
USER node
EXPOSE 4000
CMD ["node", "dist/main.js"]
