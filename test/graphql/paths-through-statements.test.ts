/**
 * `paths(through: [STATEMENTS])` and `Path.steps` in process, over each store with the seed graph:
 * a speaker reaches what they spoke about through the statement, which shows in `steps` only.
 */
import { describe, expect } from 'vitest';
import { readDatasetFile, SEED_FILE } from '../../src/ingest/dataset-file.js';
import { storesUnderTest, useGraphQLOverStore } from '../support/stores.js';

const seed = await readDatasetFile(SEED_FILE);
const KALLAS = 'person:kaja-kallas';
const KURSK = 'region:kursk';
/** What Kallas said about the Kursk region, as the seed records it. */
const kallasOnKursk = seed.statements.find((s) => s.speakerId === KALLAS && s.aboutIds.includes(KURSK))!;

const PATH = `length nodes { id } edges { id } steps { from { id } to { id } hops edge { id } statement { id } }`;

interface Step {
  from: { id: string };
  to: { id: string };
  hops: number;
  edge: { id: string } | null;
  statement: { id: string } | null;
}
interface Path {
  length: number;
  nodes: { id: string }[];
  edges: { id: string }[];
  steps: Step[];
}

describe.each(storesUnderTest())('paths through statements on the $name store', (under) => {
  const { harness, test } = useGraphQLOverStore(under, seed);

  async function paths(args: string): Promise<Path[]> {
    const result = await harness.run(`{ paths(${args}) { ${PATH} } }`);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!['paths'] as Path[];
  }

  test('Kallas reaches the Kursk region through what she said, in two hops', async () => {
    expect(kallasOnKursk).toBeDefined();
    const [first] = await paths(`fromId: "${KALLAS}", toId: "${KURSK}", first: 1, through: [STATEMENTS]`);
    expect(first).toEqual({
      length: 2,
      nodes: [{ id: KALLAS }, { id: KURSK }],
      edges: [],
      steps: [{ from: { id: KALLAS }, to: { id: KURSK }, hops: 2, edge: null, statement: { id: kallasOnKursk.id } }],
    });
    // shortestPath takes the argument too, and agrees.
    const result = await harness.run(`{ shortestPath(fromId: "${KALLAS}", toId: "${KURSK}", through: [STATEMENTS]) { ${PATH} } }`);
    expect(result.data!['shortestPath']).toEqual(first);
  });

  test('without the argument (or with an empty list), no step goes through a statement', async () => {
    for (const args of [`first: 3`, `first: 3, through: []`]) {
      const list = await paths(`fromId: "${KALLAS}", toId: "${KURSK}", ${args}`);
      expect(list.length).toBeGreaterThan(0);
      for (const path of list) {
        expect(path.length).toBeGreaterThan(2);
        expect(path.steps.every((s) => s.statement === null && s.hops === 1)).toBe(true);
        // For relations only, the steps are the edges, between consecutive nodes.
        expect(path.steps.map((s) => s.edge)).toEqual(path.edges);
        expect(path.steps.map((s) => s.from)).toEqual(path.nodes.slice(0, -1));
        expect(path.steps.map((s) => s.to)).toEqual(path.nodes.slice(1));
        expect(path.length).toBe(path.edges.length);
      }
    }
  });

  test('every path through statements reads as steps: length is the hops, nodes are the steps\' ends', async () => {
    const list = await paths(`fromId: "${KALLAS}", toId: "${KURSK}", first: 5, through: [STATEMENTS]`);
    expect(list).toHaveLength(5);
    const lengths = list.map((p) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const path of list) {
      expect(path.length).toBe(path.steps.reduce((sum, s) => sum + s.hops, 0));
      expect(path.nodes).toEqual([path.steps[0]!.from, ...path.steps.map((s) => s.to)]);
      expect(path.edges).toEqual(path.steps.flatMap((s) => (s.edge ? [s.edge] : [])));
      for (const step of path.steps) {
        expect((step.edge === null) !== (step.statement === null)).toBe(true);
        if (step.statement === null) continue;
        // A statement joins its speaker and a subject, or two of its subjects.
        const said = seed.statements.find((s) => s.id === step.statement!.id)!;
        const joined = [said.speakerId, ...said.aboutIds];
        expect(joined).toContain(step.from.id);
        expect(joined).toContain(step.to.id);
      }
    }
  });

  test('directed, a path goes only from the speaker to the subject', async () => {
    const back = await paths(`fromId: "${KURSK}", toId: "${KALLAS}", first: 3, directed: true, through: [STATEMENTS]`);
    expect(back).toEqual([]);
    const [forth] = await paths(`fromId: "${KALLAS}", toId: "${KURSK}", first: 1, directed: true, through: [STATEMENTS]`);
    expect(forth!.steps.map((s) => s.statement?.id)).toEqual([kallasOnKursk.id]);
  });
});
