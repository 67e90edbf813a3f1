/**
 * The dataset file format both ways: the seed read into records, written back with
 * `toDatasetFile` (derived fields and defaults left out) and read again gives the same records; the
 * export command's writer gives a file the import reads back the same.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDataset, toDatasetFile } from '../../src/domain/dataset-validator.js';
import { deriveStatus, firstClaimant } from '../../src/domain/facts.js';
import type { Dataset, RelationRecord } from '../../src/domain/model.js';
import { readDatasetFile } from '../../src/ingest/dataset-file.js';
import { writeDatasetFile } from '../../src/ingest/export-cli.js';
import { SEED_FILE } from '../../src/paths.js';

const seedFile = () => JSON.parse(readFileSync(SEED_FILE, 'utf8'));
const seed: Dataset = parseDataset(seedFile());
/** A file as JSON gives it back: what toDatasetFile wrote, through text. */
const throughJson = (d: Dataset) => JSON.parse(JSON.stringify(toDatasetFile(d)));

describe('the dataset file format', () => {
  const directory = mkdtempSync(join(tmpdir(), 'kg-round-trip-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads the seed back to the same records after file → parse → toDatasetFile → parse', () => {
    const again = parseDataset(throughJson(seed));
    expect(again).toEqual(seed);
    expect(toDatasetFile(again)).toEqual(toDatasetFile(seed));
  });

  it('leaves derived fields and defaults out of the file', () => {
    const file = throughJson(seed);
    const text = JSON.stringify(file);
    expect(text).not.toContain(':null');
    expect(text.match(/"\w+":\[\]/g)?.filter((m) => m !== '"aliases":[]') ?? []).toEqual([]);
    for (const field of ['status', 'claimedBy', 'date', 'sourceId']) {
      expect(file.relations.filter((r: object) => field in r).length, field).toBe(0);
    }
    expect(file.entities.filter((e: { event?: object }) => e.event && 'status' in e.event).length).toBe(0);
    expect(file.sources.map((s: { kind?: string }) => s.kind ?? '(default)')).toEqual(['(default)', 'GENERAL_KNOWLEDGE']);
    // Participants take their event's attributions and time: the file does not repeat them.
    const participants = file.relations.filter((r: { type: string }) => r.type === 'PARTICIPATED_IN');
    expect(participants.length).toBeGreaterThan(10);
    expect(participants.filter((r: object) => 'attributions' in r || 'time' in r)).toEqual([]);
  });

  it("keeps an event's relation that differs from its event, down to a missing time", () => {
    const participant = seed.relations.find((r) => r.type === 'PARTICIPATED_IN' && r.to === 'event:kursk-offensive-2025-01')!;
    const attributions = [participant.attributions[0]!];
    const own: RelationRecord = {
      ...participant,
      time: null,
      date: null,
      attributions,
      status: deriveStatus(attributions),
      claimedBy: firstClaimant(attributions),
    };
    const changed: Dataset = { ...seed, relations: seed.relations.map((r) => (r.id === own.id ? own : r)) };
    const written = throughJson(changed).relations.find((r: { id: string }) => r.id === own.id);
    expect(written.time).toBeNull();
    expect(written.attributions).toHaveLength(1);
    expect(parseDataset(throughJson(changed))).toEqual(changed);
  });

  it('is what the export writes, and the import reads it back to the same records', async () => {
    const file = join(directory, 'export.json');
    await writeDatasetFile(file, seed);
    expect(await readDatasetFile(file)).toEqual(seed);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.filter((l) => l.includes('"status":"CLAIMED"') && l.includes('"type":"CONTROLS"'))).toEqual([]);
  });
});
