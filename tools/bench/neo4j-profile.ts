/**
 * PROFILE of the Cypher the Neo4j store runs for each benchmark question, on a loaded database:
 *
 *   NEO4J_URI=bolt://... npx tsx tools/bench/neo4j-profile.ts [--entities N --relations M --seed S]
 *
 * Prints, per query, rows, database hits, the server's time, and the operators with the most hits.
 */
import neo4j from 'neo4j-driver';
import { readFileSync } from 'node:fs';
import { normalizeForSearch } from '../../src/domain/index.js';
import { neighborhoodNodesCypher, relationsAmongCypher, shortestPathCypher } from '../../src/store/neo4j/cypher/explore.js';
import { ENTITIES_BY_IDS } from '../../src/store/neo4j/cypher/lookups.js';
import { relationsOfCypher } from '../../src/store/neo4j/cypher/relations.js';
import { luceneQuery, SEARCH_ENTITY_CANDIDATES } from '../../src/store/neo4j/cypher/search.js';
import { SYMMETRIC_TYPES } from '../../src/store/neo4j/graph-model.js';
import { datasetFile, pickInputs, type RawDataset } from './common.js';

interface Plan { operatorType: string; dbHits: number; rows: number; children: Plan[]; arguments: Record<string, unknown> }

function operators(plan: Plan, out: Plan[] = []): Plan[] {
  out.push(plan);
  for (const c of plan.children) operators(c, out);
  return out;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const arg = (name: string, fallback: number) => Number(argv[argv.indexOf(`--${name}`) + 1] ?? fallback) || fallback;
  const args = { entities: arg('entities', 10_000), relations: arg('relations', 100_000), seed: arg('seed', 1) };
  const inputs = pickInputs(JSON.parse(readFileSync(datasetFile(args), 'utf8')) as RawDataset, args.seed);
  const driver = neo4j.driver(process.env.NEO4J_URI!);
  const session = driver.session();
  const noFilter = { types: null };
  const profile = async (label: string, cypher: string, params: Record<string, unknown>) => {
    await session.run(cypher, params); // warm: plan cached
    const t = performance.now();
    const result = await session.run(`PROFILE ${cypher}`, params);
    const ms = performance.now() - t;
    const plan = result.summary.profile as unknown as Plan;
    const ops = operators(plan);
    const hits = ops.reduce((s, o) => s + o.dbHits, 0);
    const top = [...ops].sort((a, b) => b.dbHits - a.dbHits).slice(0, 4).map((o) => `${o.operatorType} ${o.dbHits} hits/${o.rows} rows`);
    console.log(`${label}: ${result.records.length} rows, ${hits} db hits, ${ms.toFixed(0)} ms round trip; top: ${top.join('; ')}`);
    return result.records;
  };
  const rel = relationsOfCypher(noFilter);
  const relParams = { ...rel.params, symmetricTypes: SYMMETRIC_TYPES, directions: ['OUT', 'IN', 'BOTH'] };
  await profile('entity: ENTITIES_BY_IDS', ENTITIES_BY_IDS, { ids: [inputs.ids[0]] });
  await profile(`entity: relationsOf (${inputs.ids[0]})`, rel.text, { ...relParams, ids: [inputs.ids[0]] });
  await profile(`entity-hub: relationsOf (${inputs.hub}, degree ${inputs.hubDegree})`, rel.text, { ...relParams, ids: [inputs.hub] });
  for (const text of ['a', 'sta', 'unit 15']) {
    const n = normalizeForSearch(text);
    await profile(`search "${text}": candidates`, SEARCH_ENTITY_CANDIDATES, { text: n, words: luceneQuery(n), kinds: null });
  }
  const path = shortestPathCypher(6, noFilter);
  for (const [from, to] of inputs.pairs.slice(0, 3)) {
    await profile(`shortestPath ${from} → ${to}`, path.text, { ...path.params, fromId: from, toId: to, symmetricTypes: SYMMETRIC_TYPES, directed: false });
  }
  for (const [label, id] of [['median', inputs.medianNodes[0]!], ['hub', inputs.hub]] as const) {
    const walk = neighborhoodNodesCypher(2, noFilter);
    const nodes = await profile(`neighborhood2 ${label}: walk`, walk.text, { ...walk.params, centreId: id });
    const among = relationsAmongCypher(noFilter);
    await profile(`neighborhood2 ${label}: relations among ${nodes.length} nodes`, among.text, {
      ...among.params,
      centreId: id,
      ids: nodes.map((r) => r.get('n').properties.id),
    });
  }
  await session.close();
  await driver.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`neo4j-profile: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
