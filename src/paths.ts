/**
 * Files the server reads beside its code. This module is `src/paths.ts` under tsx and
 * `dist/paths.js` when compiled (tsconfig.build.json keeps src/'s layout in dist/), so its parent
 * folder is the project root either way: keep it at the top of src/.
 */
import { fileURLToPath } from 'node:url';

/** The GraphQL contract, `schema/*.graphql`. */
export const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));
/** The seed graph loaded into an empty store by default. */
export const SEED_FILE = fileURLToPath(new URL('../data/seed.json', import.meta.url));
