import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

describe('generated code', () => {
  it('matches what `npm run codegen` would write from schema/ and the explorer\'s operations now', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
    const files = outputs.map((output) => path.normalize(output.filename));
    // Both targets: the server's resolver types and the explorer's typed operations.
    expect(files).toContain(path.normalize('src/graphql/generated/resolvers-types.ts'));
    expect(files).toContain(path.normalize('web/explorer/gql/graphql.ts'));
    for (const output of outputs) {
      const committed = readFileSync(output.filename, 'utf8');
      expect(committed, `${output.filename} is stale: run npm run codegen`).toBe(output.content);
    }
    // No file left in the explorer's generated folder that codegen no longer writes.
    for (const name of readdirSync('web/explorer/gql')) {
      expect(files, `web/explorer/gql/${name} is not generated any more: delete it`).toContain(
        path.normalize(`web/explorer/gql/${name}`),
      );
    }
  });
});
