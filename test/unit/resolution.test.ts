/**
 * Entity resolution in the domain, without a store: which pairs are proposed and why, and that a
 * merge undone gives every record back (over every pair of the seed's entities of one kind).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockedPairs,
  blockingKeys,
  namedPairs,
  pairKey,
  pairsThatMayRank,
  rankDuplicates,
  rankNamedPairs,
  RESOLVABLE_KINDS,
} from '../../src/domain/duplicates.js';
import {
  attributionToFile,
  entityToFile,
  parseDataset,
  parseRecordsInContext,
  relationToFile,
  toDatasetFile,
  validateDataset,
  type DatasetFile,
} from '../../src/domain/dataset-validator.js';
import { planMerge, planUnmerge, recordsToUndo, type GraphEdit, type MergeRecord, type ResolutionRecords } from '../../src/domain/merge.js';
import type { Dataset, EntityRecord } from '../../src/domain/model.js';
import { EVENT_LINK_TYPES } from '../../src/domain/vocabulary.js';
import { SEED_FILE } from '../../src/paths.js';

const seed: Dataset = parseDataset(JSON.parse(readFileSync(SEED_FILE, 'utf8')));

const person = (id: string, name: string, aliases: string[] = []): EntityRecord => ({
  id,
  kind: 'PERSON',
  name,
  aliases,
  description: null,
  location: null,
  event: null,
});

const candidatesAmong = async (entities: readonly EntityRecord[], excluded: string[] = []) =>
  rankDuplicates(await blockedPairs(entities.filter((e) => RESOLVABLE_KINDS.includes(e.kind))), { neighbours: new Map(), excluded: new Set(excluded) }, 50);

describe('duplicate candidates', () => {
  const planted = (name: string) => [...seed.entities, person('person:planted', name)];
  const pairWithPlanted = async (entities: EntityRecord[]) =>
    (await candidatesAmong(entities)).find((c) => [c.a.id, c.b.id].includes('person:planted'));

  it('finds a person written in Cyrillic as the same name, and says it is a transliteration', async () => {
    const found = (await pairWithPlanted(planted('Апти Алаудинов')))!;
    expect([found.a.id, found.b.id]).toEqual(['person:apti-alaudinov', 'person:planted']);
    expect(found.reasons.map((r) => r.code)).toEqual(['SAME_NAME', 'TRANSLITERATION']);
    expect(found.score).toBeGreaterThanOrEqual(0.8);
  });

  it('finds a misspelt name, with the typos counted, scoring below the exact one', async () => {
    const exact = (await pairWithPlanted(planted('Apti Alaudinov')))!;
    const typos = (await pairWithPlanted(planted('Apty Alaudinow')))!;
    expect(typos.b.id).toBe('person:planted');
    expect(typos.a.id).toBe('person:apti-alaudinov');
    expect(typos.reasons[0]).toEqual({ code: 'SIMILAR_SPELLING', detail: expect.stringContaining('2 typos') });
    expect(typos.score).toBeLessThan(exact.score);
  });

  it('does not pair people whose names only look alike in part', async () => {
    expect(await pairWithPlanted(planted('Kaja Alaudinova Smirnova Petrova'))).toBeUndefined();
    expect(await pairWithPlanted(planted('Vladimir Zelensky'))).toBeUndefined();
  });

  it('never proposes a pair judged different, and pairs only entities of one kind', async () => {
    const entities = planted('Apti Alaudinov');
    expect((await candidatesAmong(entities, [pairKey('person:planted', 'person:apti-alaudinov')])).some((c) => c.b.id === 'person:planted')).toBe(false);
    for (const c of await candidatesAmong(entities)) expect(c.a.kind).toBe(c.b.kind);
  });

  it('gives a word with a digit no typo keys: names that differ in a number are neither paired nor compared', async () => {
    const unit = (id: string, name: string): EntityRecord => ({ ...person(id, name), kind: 'UNIT' });
    const brigades = [unit('unit:b1234', 'Brigade 1234'), unit('unit:b1243', 'Brigade 1243'), unit('unit:b12345', 'Brigade 12345')];
    expect(blockingKeys(brigades[0]!)).toEqual(['brigade', 'rigade', 'bigade', 'brgade', 'briade', 'brigde', 'brigae', 'brigad', '1234']);
    expect(await candidatesAmong(brigades)).toEqual([]);
    // The same names with letters for the number are one typo apart.
    const spelt = [unit('unit:x', 'Brigade Kilo'), unit('unit:y', 'Brigade Kila')];
    expect((await candidatesAmong(spelt)).map((c) => c.reasons[0]!.code)).toEqual(['SIMILAR_SPELLING']);
  });

  it('reads the neighbours only of pairs that may still rank, and ranks as if it had read them all', async () => {
    // Names from a few words, so that many pairs share blocks and score alike; neighbours at random.
    const word = fc.constantFrom('ivan', 'ivanov', 'petrov', 'petrova', 'sokolov', 'sokolova', 'oleg', 'olga');
    const people = fc.uniqueArray(fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.subarray(['unit:a', 'unit:b', 'unit:c', 'unit:d'])), {
      minLength: 2,
      maxLength: 14,
    });
    await fc.assert(
      fc.asyncProperty(people, fc.integer({ min: 1, max: 6 }), async (drawn, first) => {
        const entities = drawn.map(([words], i) => person(`person:p${String(i).padStart(2, '0')}`, words.join(' ')));
        const neighbours = new Map(drawn.map(([, units], i) => [entities[i]!.id, new Set(units)]));
        const named = await namedPairs(await blockedPairs(entities), new Set());
        const contenders = pairsThatMayRank(named, first);
        expect(rankNamedPairs(contenders, neighbours, first)).toEqual(rankNamedPairs(named, neighbours, first));
      }),
      { numRuns: 300 },
    );
    // Two of one name score 0.8 with no neighbour shared; a pair matching two words of three, at
    // most 0.733 with every neighbour shared, cannot be the first, so its neighbours are not read.
    const named = await namedPairs(
      await blockedPairs([person('person:a', 'Ivan Petrov'), person('person:b', 'Ivan Petrov'), person('person:c', 'Ivan Petrov Sokolov')]),
      new Set(),
    );
    expect(named.map((p) => `${p.a.id} ${p.b.id}`)).toEqual(['person:a person:b', 'person:a person:c', 'person:b person:c']);
    expect(pairsThatMayRank(named, 1).map((p) => `${p.a.id} ${p.b.id}`)).toEqual(['person:a person:b']);
    expect(pairsThatMayRank(named, 2)).toHaveLength(3);
  });

  it('adds shared neighbours to the score and says which', async () => {
    const a = person('person:a', 'Ivan Petrov');
    const b = person('person:b', 'Ivan Petrov');
    const neighbours = new Map([
      ['person:a', new Set(['unit:x', 'unit:y'])],
      ['person:b', new Set(['unit:x'])],
    ]);
    const [alone] = await rankDuplicates(await blockedPairs([a, b]), { neighbours: new Map(), excluded: new Set() }, 5);
    const [withNeighbours] = await rankDuplicates(await blockedPairs([a, b]), { neighbours, excluded: new Set() }, 5);
    expect(withNeighbours!.score).toBeGreaterThan(alone!.score);
    expect(withNeighbours!.reasons.at(-1)).toEqual({ code: 'SHARED_NEIGHBOURS', detail: '1 of 2 neighbours shared: unit:x' });
  });

  it('cuts a word of letters outside the Basic Multilingual Plane by letters, not by halves of them', () => {
    expect(blockingKeys(person('person:x', '𠀀𠀁𠀂𠀃 Ivanov'))).toEqual(['𠀀𠀁𠀂𠀃', '𠀁𠀂𠀃', '𠀀𠀂𠀃', '𠀀𠀁𠀃', '𠀀𠀁𠀂', 'ivanov', 'vanov', 'ianov', 'ivnov', 'ivaov', 'ivanv', 'ivano']);
    expect(blockingKeys(person('person:x', 'a𠀁bc'))).toEqual(['a𠀁bc', '𠀁bc', 'abc', 'a𠀁c', 'a𠀁b']);
    // Three letters, though five code units: too short to block on.
    expect(blockingKeys(person('person:x', '𠀀𠀁c'))).toEqual([]);
  });

  it('blocks any two names one typo apart in a word of four letters or more together', () => {
    const word = fc.stringMatching(/^[a-z]{4,10}$/);
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), (w, at, edit, letter) => {
        const i = at % w.length;
        const typo = edit === 'delete' ? w.slice(0, i) + w.slice(i + 1) : edit === 'insert' ? w.slice(0, i) + letter + w.slice(i) : w.slice(0, i) + letter + w.slice(i + 1);
        const keys = new Set(blockingKeys(person('person:x', w)));
        return blockingKeys(person('person:y', typo)).some((k) => keys.has(k)) || Array.from(typo).length < 4;
      }),
    );
  });
});

/** What the write service reads from a store for a merge, here from a dataset. */
function mergeRecords(d: Dataset, survivorId: string, absorbedId: string): ResolutionRecords {
  const names = (a: { claimantId: string | null; viaId: string | null }, id: string) => a.claimantId === id || a.viaId === id;
  const events = new Map(d.entities.flatMap((e) => (e.event ? [[e.id, e.event] as const] : [])));
  return {
    relations: d.relations.filter(
      (r) => [r.from, r.to].some((id) => id === survivorId || id === absorbedId) || r.attributions.some((a) => names(a, absorbedId)),
    ),
    statements: d.statements.filter((s) => s.speakerId === absorbedId || s.reportedViaId === absorbedId || s.aboutIds.includes(absorbedId)),
    events: d.entities.filter((e) => e.event?.attributions.some((a) => names(a, absorbedId))),
    eventOf: (id) => events.get(id) ?? null,
    linksOf: (eventId) => d.relations.filter((r) => EVENT_LINK_TYPES.includes(r.type) && r.type !== 'PHASE_OF' && (r.from === eventId || r.to === eventId)),
  };
}

function undoRecords(d: Dataset, record: MergeRecord) {
  const wanted = recordsToUndo(record);
  const events = new Map(d.entities.flatMap((e) => (e.event ? [[e.id, e.event] as const] : [])));
  const ids = new Set([...d.entities, ...d.relations].map((r) => r.id));
  return {
    survivor: d.entities.find((e) => e.id === record.survivorId) ?? null,
    takenIds: new Set(wanted.restored.filter((id) => ids.has(id))),
    relations: d.relations.filter((r) => wanted.relations.includes(r.id)),
    statements: d.statements.filter((s) => wanted.statements.includes(s.id)),
    events: d.entities.filter((e) => wanted.events.includes(e.id)),
    eventOf: (id: string) => events.get(id) ?? null,
    linksOf: (eventId: string) => d.relations.filter((r) => EVENT_LINK_TYPES.includes(r.type) && r.type !== 'PHASE_OF' && (r.from === eventId || r.to === eventId)),
  };
}

/**
 * The edit applied as a store applies a write: only the written records are parsed (beside the rest,
 * which give them their context) and replace theirs by id; the records not written stay exactly as
 * they were, derived fields included (a store derives nothing again for them); then removals. The
 * result must still be a valid dataset.
 */
function applied(d: Dataset, edit: GraphEdit): Dataset {
  const written = new Set([...edit.entities, ...edit.relations, ...edit.statements].map((r) => r.id));
  const file = toDatasetFile(d);
  const context: DatasetFile = {
    sources: file.sources,
    entities: [...file.entities.filter((e) => !written.has(e.id) && !edit.removeEntities.includes(e.id)), ...edit.entities],
    relations: edit.relations,
    statements: [...file.statements.filter((s) => !written.has(s.id)), ...edit.statements],
  };
  const { problems, dataset } = parseRecordsInContext(JSON.parse(JSON.stringify(context)), written);
  expect(problems).toEqual([]);
  const replace = <T extends { id: string }>(list: readonly T[], next: readonly T[], removed: readonly string[] = []) => {
    const byNewId = new Map(next.map((r) => [r.id, r]));
    const known = new Set(list.map((r) => r.id));
    return [...list.filter((r) => !removed.includes(r.id)).map((r) => byNewId.get(r.id) ?? r), ...next.filter((r) => !known.has(r.id))];
  };
  const result: Dataset = {
    sources: d.sources,
    entities: replace(d.entities, dataset!.entities, edit.removeEntities),
    relations: replace(d.relations, dataset!.relations, edit.removeRelations),
    statements: replace(d.statements, dataset!.statements),
  };
  expect(validateDataset(JSON.parse(JSON.stringify(toDatasetFile(result))))).toEqual([]);
  return result;
}

const byId = (d: Dataset): Dataset => {
  const sort = <T extends { id: string }>(l: readonly T[]) => [...l].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { sources: sort(d.sources), entities: sort(d.entities), relations: sort(d.relations), statements: sort(d.statements) };
};

const sameKindPairs = seed.entities.flatMap((a) =>
  seed.entities.filter((b) => a.id !== b.id && a.kind === b.kind && a.kind !== 'EVENT').map((b) => [a, b] as const),
);
const meta = { reason: 'test', at: '2026-01-01T00:00:00.000Z', by: 'test' };

describe('merging and undoing', () => {
  it('merges every two entities of one kind of the seed into a valid graph naming the absorbed id nowhere, and the undo gives the seed back', () => {
    const before = byId(seed);
    expect(sameKindPairs.length).toBeGreaterThan(100);
    for (const [survivor, absorbed] of sameKindPairs) {
      const { edit, record } = planMerge(survivor, absorbed, mergeRecords(seed, survivor.id, absorbed.id), meta);
      const merged = applied(seed, edit);
      expect(JSON.stringify(toDatasetFile(merged))).not.toContain(`"${absorbed.id}"`);
      const survivorAfter = merged.entities.find((e) => e.id === survivor.id)!;
      expect(survivorAfter.aliases).toEqual(expect.arrayContaining([absorbed.name, ...absorbed.aliases].filter((n) => n !== survivor.name)));
      // The record goes through JSON, as a stored document does.
      const stored: MergeRecord = JSON.parse(JSON.stringify(record));
      const undone = applied(merged, planUnmerge(stored, undoRecords(merged, stored)));
      expect(byId(undone)).toEqual(before);
    }
  });

  it('collapses a re-pointed relation that says what one of the survivor says, and brings it back on undo', () => {
    const relation = seed.relations.find((r) => r.type === 'MEMBER_OF' || r.type === 'COMMANDS')!;
    const original = seed.entities.find((e) => e.id === relation.from)!;
    const twin: EntityRecord = { ...original, id: `${original.id}-twin`, aliases: [] };
    const twinRelation = {
      ...relation,
      id: `${relation.id}-twin`,
      from: twin.id,
      attributions: [{ ...relation.attributions[0]!, note: 'from another article' }],
    };
    const withTwin = parseDataset(JSON.parse(JSON.stringify(toDatasetFile({
      ...seed,
      entities: [...seed.entities, twin],
      relations: [...seed.relations, twinRelation],
    }))));
    const { edit, record } = planMerge(original, twin, mergeRecords(withTwin, original.id, twin.id), meta);
    const merged = applied(withTwin, edit);
    expect(merged.relations.some((r) => r.id === twinRelation.id)).toBe(false);
    const kept = merged.relations.find((r) => r.id === relation.id)!;
    expect(kept.attributions).toEqual([...relation.attributions, twinRelation.attributions[0]]);
    expect(record.collapsed).toEqual([expect.objectContaining({ into: relation.id })]);
    const undone = applied(merged, planUnmerge(record, undoRecords(merged, record)));
    expect(byId(undone)).toEqual(byId(withTwin));
  });

  it('keeps what was added or changed after the merge: an attribution on a moved relation, a new relation of the survivor, a new alias', () => {
    const survivor = seed.entities.find((e) => e.id === 'person:kaja-kallas')!;
    const absorbed = seed.entities.find((e) => e.id === 'person:antony-blinken')!;
    const { edit, record } = planMerge(survivor, absorbed, mergeRecords(seed, survivor.id, absorbed.id), meta);
    const merged = applied(seed, edit);
    const moved = merged.relations.find((r) => r.id === 'rel:blinken-member-of-state-department')!;
    expect(moved.from).toBe(survivor.id);
    const later = { claimantId: 'country:united-states', viaId: null, statementId: null, stance: 'ASSERTS' as const, saidOn: null, sourceId: moved.sourceId, note: 'added after the merge' };
    const laterRelation = { ...moved, id: 'rel:kallas-supports-ukraine-later', type: 'SUPPORTS' as const, to: 'country:ukraine', qualifiers: {} };
    const changed = applied(merged, {
      entities: [{ ...entityToFile(merged.entities.find((e) => e.id === survivor.id)!), aliases: [...merged.entities.find((e) => e.id === survivor.id)!.aliases, 'K. Kallas'] }],
      relations: [
        { ...relationToFile(moved, () => null), attributions: [...moved.attributions.map(attributionToFile), later] },
        relationToFile(laterRelation, () => null),
      ],
      statements: [],
      removeEntities: [],
      removeRelations: [],
    });
    const undone = applied(changed, planUnmerge(record, undoRecords(changed, record)));
    const back = undone.relations.find((r) => r.id === moved.id)!;
    expect(back.from).toBe(absorbed.id);
    expect(back.attributions.at(-1)).toEqual(later);
    expect(undone.relations.find((r) => r.id === laterRelation.id)?.from).toBe(survivor.id);
    expect(undone.entities.find((e) => e.id === survivor.id)!.aliases).toEqual([...survivor.aliases, 'K. Kallas']);
    expect(undone.entities.find((e) => e.id === absorbed.id)).toEqual(absorbed);
  });

  it('refuses to undo when the absorbed id has been taken since, or a moved field names someone else now', () => {
    const [survivor, absorbed] = [seed.entities.find((e) => e.id === 'person:kaja-kallas')!, seed.entities.find((e) => e.id === 'person:antony-blinken')!];
    const { edit, record } = planMerge(survivor, absorbed, mergeRecords(seed, survivor.id, absorbed.id), meta);
    const merged = applied(seed, edit);
    const taken = { ...merged, entities: [...merged.entities, { ...absorbed, aliases: [] }] };
    expect(() => planUnmerge(record, undoRecords(taken, record))).toThrow(/taken by a record written since/);
    const moved = record.moves.find((m) => m.record === 'statement' && m.field === 'speakerId');
    expect(moved).toBeDefined();
    const changed = { ...merged, statements: merged.statements.map((s) => (s.id === moved!.id ? { ...s, speakerId: 'person:donald-trump' } : s)) };
    expect(() => planUnmerge(record, undoRecords(changed, record))).toThrow(/no longer names "person:kaja-kallas"/);
  });
});
