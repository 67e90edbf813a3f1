/**
 * `npm run build:web`: the two pages this server serves, each skipped when its inputs have not
 * changed (`--force` rebuilds both): GraphiQL at /graphiql (tools/build-graphiql.ts) and the
 * explorer at / (tools/build-explorer.ts), into dist/web/.
 */
import { buildExplorer } from './build-explorer.js';
import { buildGraphiQL } from './build-graphiql.js';

const force = process.argv.includes('--force');
Promise.all([buildGraphiQL({ force }), buildExplorer({ force })]).catch((error: unknown) => {
  console.error(`build:web failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
