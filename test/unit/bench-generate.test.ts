/**
 * The synthetic dataset generator (tools/bench/generate.ts): what it writes passes the domain's
 * validator, is the same for the same seed, has every kind and type, and has hubs.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  ENTITY_KINDS,
  EVENT_TYPE_NAMES,
  PLACE_KINDS,
  RELATION_TYPE_NAMES,
  STANCE_NAMES,
  TIME_PRECISIONS,
  parseDataset,
  precisionOf,
  toDatasetFile,
  validateDataset,
  type Dataset,
} from '../../src/domain/index.js';
import { generateDataset, MIN_ENTITIES, parseGenerateArgs, writeDataset } from '../../tools/bench/generate.js';

async function streamed(options: { entities: number; relations: number; seed: number }): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeDataset(options, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

function degrees(dataset: Dataset): number[] {
  const degree = new Map(dataset.entities.map((e) => [e.id, 0]));
  for (const r of dataset.relations) {
    degree.set(r.from, degree.get(r.from)! + 1);
    degree.set(r.to, degree.get(r.to)! + 1);
  }
  return [...degree.values()].sort((a, b) => b - a);
}

describe('tools/bench/generate', () => {
  const options = { entities: 600, relations: 6_000, seed: 42 };
  const dataset = generateDataset(options);

  it('writes a file the dataset validator accepts, with the sizes asked', async () => {
    const raw: unknown = JSON.parse(await streamed(options));
    expect(validateDataset(raw)).toEqual([]);
    const parsed = parseDataset(raw);
    expect(parsed.entities).toHaveLength(600);
    expect(parsed.relations).toHaveLength(6_000);
    expect(parsed.statements.length).toBeGreaterThan(0);
    expect(parsed.sources.length).toBeGreaterThan(0);
    // The streamed file and the in-memory dataset are the same records.
    expect(parsed).toEqual(dataset);
  });

  it('is deterministic for a seed, and another seed gives another graph', async () => {
    expect(generateDataset(options)).toEqual(dataset);
    expect(await streamed(options)).toBe(await streamed(options));
    expect(generateDataset({ ...options, seed: 43 }).relations).not.toEqual(dataset.relations);
  });

  it('has every entity kind and relation type, with statements that have speakers, subjects and sources', () => {
    expect(new Set(dataset.entities.map((e) => e.kind))).toEqual(new Set(ENTITY_KINDS));
    expect(new Set(dataset.relations.map((r) => r.type))).toEqual(new Set(RELATION_TYPE_NAMES));
    expect(dataset.statements.some((s) => s.speakerId !== null)).toBe(true);
    expect(dataset.statements.every((s) => s.aboutIds.length > 0)).toBe(true);
    expect(dataset.relations.some((r) => r.statementIds.length > 0)).toBe(true);
    expect(dataset.relations.some((r) => r.claimedBy !== null)).toBe(true);
  });

  it('has the claims model: events with participants in roles, attributions of every stance, times of every precision, places with coordinates', () => {
    const events = dataset.entities.filter((e) => e.event !== null);
    expect(events.length).toBeGreaterThan(0);
    expect(dataset.entities.every((e) => (e.kind === 'EVENT') === (e.event !== null))).toBe(true);
    expect(new Set(events.map((e) => e.event!.type))).toEqual(new Set(EVENT_TYPE_NAMES));
    expect(events.some((e) => e.event!.quantities.length > 0)).toBe(true);
    const participants = dataset.relations.filter((r) => r.type === 'PARTICIPATED_IN');
    expect(participants.every((r) => r.qualifiers.participantRole !== undefined)).toBe(true);
    const attributions = [...dataset.relations.flatMap((r) => r.attributions), ...events.flatMap((e) => e.event!.attributions)];
    expect(new Set(attributions.map((a) => a.stance))).toEqual(new Set(STANCE_NAMES));
    expect(attributions.some((a) => a.viaId !== null) && attributions.some((a) => a.saidOn !== null)).toBe(true);
    const times = [...dataset.relations.map((r) => r.time), ...events.map((e) => e.event!.time)].filter((t) => t !== null);
    expect(new Set(times.map(precisionOf))).toEqual(new Set(TIME_PRECISIONS));
    const places = dataset.entities.filter((e) => PLACE_KINDS.includes(e.kind));
    expect(places.every((p) => p.location !== null)).toBe(true);
    expect(dataset.entities.filter((e) => !PLACE_KINDS.includes(e.kind)).every((e) => e.location === null)).toBe(true);
    // Most participants take their event's attributions, so the file leaves them out.
    const written = toDatasetFile(dataset).relations.filter((r) => r.type === 'PARTICIPATED_IN');
    expect(written.filter((r) => r.attributions === undefined).length).toBeGreaterThan(written.length / 2);
  });

  it('has skewed degrees: hubs far above the typical entity', () => {
    const sorted = degrees(dataset);
    const mean = (2 * dataset.relations.length) / sorted.length;
    const median = sorted[sorted.length >> 1]!;
    expect(sorted[0]!).toBeGreaterThan(10 * mean);
    expect(median).toBeLessThan(mean);
    // The top 1% of entities hold a large share of the relation ends.
    const top = sorted.slice(0, Math.ceil(sorted.length / 100)).reduce((s, d) => s + d, 0);
    expect(top / (2 * dataset.relations.length)).toBeGreaterThan(0.15);
  });

  it('works down to the smallest size and rejects smaller ones', () => {
    const small = generateDataset({ entities: MIN_ENTITIES, relations: 50, seed: 1 });
    expect(validateDataset(JSON.parse(JSON.stringify(toDatasetFile(small))))).toEqual([]);
    expect(() => generateDataset({ entities: MIN_ENTITIES - 1, relations: 10 })).toThrow(/at least/);
  });

  it('parses its command line', () => {
    expect(parseGenerateArgs(['--entities', '10_000', '--relations=100000', '--out', 'x.json'])).toEqual({
      entities: 10_000,
      relations: 100_000,
      seed: 1,
      out: 'x.json',
    });
    expect(() => parseGenerateArgs(['--entities', '10'])).toThrow(/--relations is required/);
    expect(() => parseGenerateArgs(['--bogus', '1'])).toThrow(/Unknown argument/);
  });
});
