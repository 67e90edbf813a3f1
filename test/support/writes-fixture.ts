/**
 * A small graph and records that replace some of it under the same ids, for the writes contract
 * suite (test/contract/writes-contract.test.ts) and the durable store's tests: `before`, then
 * `after`, records of `before`'s ids with fields changed and optional fields dropped (an alias, a
 * description, a location, a qualifier, a time, an event's quantities, a statement's date and
 * reportedViaId), with their derived status, claimants and time bounds changed. `replaced(before,
 * after)` is the graph a store must hold once both are loaded.
 */
import { parseDataset, type Dataset } from '../../src/domain/index.js';

export const WIRE = 'source:writes-wire';
export const MONITOR = 'source:writes-monitor';
export const GENERAL = 'source:general-knowledge';

const beforeFile = {
  sources: [
    { id: WIRE, title: 'Writes fixture wire', publisher: 'Fixture Wire', published: '2024-02-18', kind: 'DOCUMENT' },
    { id: MONITOR, title: 'Writes fixture monitor' },
    { id: GENERAL, title: 'General knowledge', kind: 'GENERAL_KNOWLEDGE' },
  ],
  entities: [
    {
      id: 'settlement:avdiivka',
      kind: 'SETTLEMENT',
      name: 'Avdiivka',
      aliases: ['Авдіївка', 'Dovhenke'],
      description: 'Coke plant town.',
      location: { latitude: 48.14, longitude: 37.74, precision: 'APPROXIMATE' },
    },
    {
      id: 'settlement:marinka',
      kind: 'SETTLEMENT',
      name: 'Marinka',
      aliases: [],
      location: { latitude: 47.94, longitude: 37.5, precision: 'APPROXIMATE' },
    },
    { id: 'unit:assault-brigade', kind: 'UNIT', name: 'Assault brigade', aliases: [] },
    { id: 'unit:volunteer-corps', kind: 'UNIT', name: 'Volunteer corps', aliases: [] },
    { id: 'org:front-monitor', kind: 'ORGANIZATION', name: 'Front monitor', aliases: [] },
    { id: 'person:spokesman', kind: 'PERSON', name: 'Ivan Spokesman', aliases: [] },
    {
      id: 'event:avdiivka-capture',
      kind: 'EVENT',
      name: 'Capture of Avdiivka',
      aliases: [],
      event: {
        type: 'CAPTURE',
        time: { start: '2024-02' },
        quantities: [{ measure: 'TROOPS', value: 500, approximation: 'APPROXIMATE' }],
        attributions: [{ claimantId: 'org:front-monitor', stance: 'ASSERTS', saidOn: '2024-02-17', sourceId: MONITOR }],
      },
    },
  ],
  relations: [
    {
      id: 'rel:brigade-controls-avdiivka',
      type: 'CONTROLS',
      from: 'unit:assault-brigade',
      to: 'settlement:avdiivka',
      time: { start: '2024-01' },
      attributions: [
        { claimantId: 'person:spokesman', statementId: 'stmt:spokesman-holds', stance: 'ASSERTS', saidOn: '2024-01-10', sourceId: WIRE },
        { claimantId: 'org:front-monitor', stance: 'ASSERTS', sourceId: MONITOR },
      ],
      qualifiers: { extent: 'most of', wording: 'most of the town' },
    },
    {
      id: 'rel:spokesman-commands-brigade',
      type: 'COMMANDS',
      from: 'person:spokesman',
      to: 'unit:assault-brigade',
      time: { start: '2023' },
      attributions: [{ stance: 'ASSERTS', sourceId: WIRE }],
    },
    {
      id: 'rel:avdiivka-near-marinka',
      type: 'NEAR',
      from: 'settlement:avdiivka',
      to: 'settlement:marinka',
      attributions: [{ stance: 'ASSERTS', sourceId: GENERAL }],
      qualifiers: { distanceKm: 30, approximation: 'APPROXIMATE' },
    },
  ],
  statements: [
    {
      id: 'stmt:spokesman-holds',
      kind: 'QUOTE',
      text: 'Fixture quote: the brigade holds most of Avdiivka.',
      date: '2024-01-10',
      speakerId: 'person:spokesman',
      aboutIds: ['settlement:avdiivka', 'unit:assault-brigade'],
      sourceId: WIRE,
      status: 'CLAIMED',
      reportedViaId: 'org:front-monitor',
    },
  ],
};
export const before: Dataset = parseDataset(beforeFile);

/** Records under ids of `before`, changed: fields changed, optional fields dropped. */
const changesFile = {
  sources: [{ id: MONITOR, title: 'Writes fixture monitor, revised', publisher: 'Front monitor', kind: 'DOCUMENT' }],
  entities: [
    // A new name; an alias, the description and the location dropped.
    { id: 'settlement:avdiivka', kind: 'SETTLEMENT', name: 'Avdiivka Koksokhim', aliases: ['Авдіївка'] },
    // An alias added.
    { id: 'unit:volunteer-corps', kind: 'UNIT', name: 'Volunteer corps', aliases: ['Corps'] },
    {
      id: 'event:avdiivka-capture',
      kind: 'EVENT',
      name: 'Capture of Avdiivka',
      aliases: [],
      event: {
        type: 'CAPTURE',
        time: { start: '2024-02-17', text: 'on Saturday' },
        // Quantities dropped; another claimant, who denies it.
        attributions: [
          { claimantId: 'org:front-monitor', stance: 'ASSERTS', saidOn: '2024-02-17', sourceId: MONITOR },
          { claimantId: 'person:spokesman', stance: 'DENIES', sourceId: WIRE },
        ],
      },
    },
  ],
  relations: [
    {
      // Another time, other attributions (the spokesman and his statement gone), a qualifier dropped.
      id: 'rel:brigade-controls-avdiivka',
      type: 'CONTROLS',
      from: 'unit:assault-brigade',
      to: 'settlement:avdiivka',
      time: { start: '2024-02-17' },
      attributions: [
        { claimantId: 'org:front-monitor', stance: 'DISPUTES', saidOn: '2024-02-18', sourceId: MONITOR },
        { claimantId: 'unit:assault-brigade', stance: 'ASSERTS', sourceId: WIRE },
      ],
      qualifiers: { extent: 'all of' },
    },
    {
      // The time dropped.
      id: 'rel:spokesman-commands-brigade',
      type: 'COMMANDS',
      from: 'person:spokesman',
      to: 'unit:assault-brigade',
      time: null,
      attributions: [{ stance: 'ASSERTS', sourceId: WIRE }],
    },
  ],
  statements: [
    {
      // Another kind, text, speaker, subjects and source; the date and reportedViaId dropped.
      id: 'stmt:spokesman-holds',
      kind: 'REPORTED',
      text: 'Fixture report: the brigade has left the town.',
      speakerId: 'org:front-monitor',
      aboutIds: ['unit:assault-brigade'],
      sourceId: MONITOR,
      status: 'DISPUTED',
    },
  ],
};

/**
 * The changed records as a load gets them: parsed (so with their derived fields) within the graph
 * they join, since a dataset's references must resolve within it.
 */
export const after: Dataset = (() => {
  type Section = keyof typeof beforeFile;
  const sections = ['sources', 'entities', 'relations', 'statements'] as const satisfies readonly Section[];
  const changed = new Set(sections.flatMap((k) => (changesFile[k] as readonly { id: string }[]).map((r) => r.id)));
  const whole = Object.fromEntries(
    sections.map((k) => {
      const byId = new Map<string, unknown>((beforeFile[k] as readonly { id: string }[]).map((r) => [r.id, r]));
      for (const r of changesFile[k] as readonly { id: string }[]) byId.set(r.id, r);
      return [k, [...byId.values()]];
    }),
  );
  const parsed = parseDataset(whole);
  return {
    sources: parsed.sources.filter((r) => changed.has(r.id)),
    entities: parsed.entities.filter((r) => changed.has(r.id)),
    relations: parsed.relations.filter((r) => changed.has(r.id)),
    statements: parsed.statements.filter((r) => changed.has(r.id)),
  };
})();

/** `before` with every record of `after` in place of the one with its id, each section by id. */
export function replaced(old: Dataset, changes: Dataset): Dataset {
  const merge = <T extends { readonly id: string }>(a: readonly T[], b: readonly T[]): T[] => {
    const byId = new Map(a.map((r) => [r.id, r]));
    for (const r of b) byId.set(r.id, r);
    return [...byId.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  };
  return {
    sources: merge(old.sources, changes.sources),
    entities: merge(old.entities, changes.entities),
    relations: merge(old.relations, changes.relations),
    statements: merge(old.statements, changes.statements),
  };
}
