/**
 * The fact indexes (facts.ts) as the start image keeps them (start-image.ts): the timeline's rows
 * and the statements' facts as integer columns, each record named by its number in id order. A
 * start does not read them; the first question about events, time or statements' facts of a graph
 * the image is of does, instead of reading every relation's row to build them (seconds at a million
 * relations). They are written when a store closes with its fact indexes built.
 *
 * Like the rest of the image they are of one generation of the data file, and checked before use
 * (sizes, every number in range): an image that does not fit is ignored and the indexes are built
 * from the rows, slower, never wrong.
 */
import { endianness } from 'node:os';
import type { EntityRecord } from '../../domain/index.js';
import { TIMELINE_ENTRY_KINDS, type TimelineEntryKind } from '../graph-store.js';
import { relationNumberOf, sortedById } from './adjacency.js';
import { KIND_RANK, Of, TimelineRow, compareRowDays, type FactIndexes, type StatementFacts } from './fact-rows.js';
import { dayNumber } from './relation-rows.js';
import { bytesOf, int32sOf, jsonOf } from './start-image.js';
import type { MemoryState } from './state.js';

/** The image's parts of the fact indexes are named with this prefix. */
export const FACT_PARTS = 'facts.';

/** The layout of these parts; parts of another format are ignored (and replaced at the next close). */
const FORMAT = 1;

interface Header {
  readonly format: number;
  readonly endianness: string;
  readonly entities: number;
  readonly relations: number;
  readonly statements: number;
}

const ROW_COLUMNS = ['kinds', 'records', 'attributions', 'claimants', 'earliest', 'latest'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The parts of `facts`, named with FACT_PARTS. Rows of indexes a write derived (`ofState` false)
 * carry the numbers of the snapshot they were made for, or -1: each is checked against `state`'s
 * record at that number and, where another is there, looked up by id.
 */
export function factImageParts({ timeline, factsByStatement }: FactIndexes, state: MemoryState, ofState: boolean): Map<string, Buffer> {
  const { adjacency } = state;
  const statementIds = statementIdsOf(state);
  const statementNumber = new Map(statementIds.map((id, n) => [id, n]));
  const recordOf = (row: TimelineRow): number | undefined => {
    if (ofState) return row.record;
    switch (row.of) {
      case Of.RELATION:
        return adjacency.relations[row.record]?.id === row.id ? row.record : relationNumberOf(adjacency, row.id);
      case Of.EVENT:
        return adjacency.entities[row.record]?.id === row.id ? row.record : adjacency.numberOf.get(row.id);
      default:
        return statementIds[row.record] === row.id ? row.record : statementNumber.get(row.id);
    }
  };
  const texts = new Map<string, number>();
  const textCode = (text: string) => {
    let code = texts.get(text);
    if (code === undefined) texts.set(text, (code = texts.size));
    return code;
  };
  const numberOf = (id: string, n: number | undefined) => {
    if (n === undefined || n < 0) throw new Error(`The fact indexes name ${id}, which their snapshot does not hold.`);
    return n;
  };

  const columns = Object.fromEntries(ROW_COLUMNS.map((name) => [name, new Int32Array(timeline.length)])) as Record<(typeof ROW_COLUMNS)[number], Int32Array>;
  for (let i = 0; i < timeline.length; i++) {
    const row = timeline[i]!;
    columns.kinds[i] = KIND_RANK[row.kind] * 3 + row.of;
    columns.records[i] = numberOf(row.id, recordOf(row));
    columns.attributions[i] = row.attributionIndex ?? -1;
    columns.claimants[i] = row.claimantId === null ? -1 : textCode(row.claimantId);
    columns.earliest[i] = textCode(row.earliest);
    columns.latest[i] = textCode(row.latest);
  }

  // Statements with facts, by number; each one's facts as relation numbers, then events as -(n + 1).
  const supporting = [...factsByStatement.keys()].map((id) => numberOf(id, statementNumber.get(id))).sort((a, b) => a - b);
  const offsets = new Int32Array(supporting.length + 1);
  const facts: number[] = [];
  supporting.forEach((s, i) => {
    const { relationIds, eventIds } = factsByStatement.get(statementIds[s]!)!;
    for (const id of relationIds) facts.push(numberOf(id, relationNumberOf(adjacency, id)));
    for (const id of eventIds) facts.push(-numberOf(id, adjacency.numberOf.get(id)) - 1);
    offsets[i + 1] = facts.length;
  });

  const header: Header = { format: FORMAT, endianness: endianness(), entities: adjacency.entities.length, relations: adjacency.relations.length, statements: statementIds.length };
  const parts = new Map<string, Buffer>([
    ['header', Buffer.from(JSON.stringify(header))],
    ['texts', Buffer.from(JSON.stringify([...texts.keys()]))],
    ['statements', bytesOf(Int32Array.from(supporting))],
    ['statementOffsets', bytesOf(offsets)],
    ['statementFacts', bytesOf(Int32Array.from(facts))],
  ]);
  for (const name of ROW_COLUMNS) parts.set(name, bytesOf(columns[name]));
  return new Map([...parts].map(([name, body]) => [FACT_PARTS + name, body]));
}

/** A text of the image as a row's day: the text and its number, or null when it is not a day. */
interface DayText {
  readonly text: string;
  readonly day: number | null;
}

/**
 * The fact indexes the image keeps for `state`, its parts read by name (without FACT_PARTS) one at
 * a time, as steps (ascending.ts); null when they are not of this format or do not fit its graph.
 */
export function* keptFactsOf(read: (name: string) => Buffer | null, state: MemoryState): Generator<number, FactIndexes | null> {
  const { entities, relations } = state.adjacency;
  const part = (name: string) => read(name) ?? undefined;
  const header = jsonOf(part('header')) as Partial<Header> | null;
  if (header?.format !== FORMAT || header.endianness !== endianness() || header.entities !== entities.length || header.relations !== relations.length) return null;
  const statementIds = statementIdsOf(state);
  if (header.statements !== statementIds.length) return null;
  yield PART;
  const textList = jsonOf(part('texts'));
  if (!Array.isArray(textList) || !textList.every((text) => typeof text === 'string')) return null;
  const texts: DayText[] = textList.map((text: string) => ({ text, day: DAY.test(text) ? dayNumber(text) : null }));
  const columns: Int32Array[] = [];
  for (const name of ROW_COLUMNS) {
    const column = int32sOf(part(name));
    if (column === null || column.length !== (columns[0] ?? column).length) return null;
    columns.push(column);
    yield PART;
  }
  const [kinds, records, attributions, claimants, earliest, latest] = columns as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const idOf = (of: Of, n: number): string | null => {
    const record: { readonly id: string } | string | undefined = of === Of.EVENT ? eventAt(entities, n) : of === Of.RELATION ? relations[n] : statementIds[n];
    return record === undefined ? null : typeof record === 'string' ? record : record.id;
  };

  const timeline = new Array<TimelineRow>(kinds.length);
  for (let i = 0; i < timeline.length; i++) {
    const kind: TimelineEntryKind | undefined = TIMELINE_ENTRY_KINDS[Math.floor(kinds[i]! / 3)];
    const of = (kinds[i]! % 3) as Of;
    const record = records[i]!;
    const id = kind === undefined || !fitsKind(kind, of) ? null : idOf(of, record);
    const first = texts[earliest[i]!];
    const last = texts[latest[i]!];
    const attribution = attributions[i]!;
    const claimant = claimants[i] === -1 ? null : (texts[claimants[i]!]?.text ?? undefined);
    if (id === null || first?.day == null || last?.day == null || claimant === undefined || attribution < -1) return null;
    if ((kind === 'CLAIM') !== (attribution !== -1) || (kind !== 'CLAIM' && claimant !== null)) return null;
    const row = new TimelineRow(kind!, of, id, first.text, last.text, first.day, last.day, KIND_RANK[kind!], attribution === -1 ? null : attribution, claimant, record);
    // In the timeline's order as far as days and kind (the ids' order is the records' numbers').
    if (i > 0 && compareRowDays(timeline[i - 1]!, row) > 0) return null;
    timeline[i] = row;
    yield 1;
  }

  const supporting = int32sOf(part('statements'));
  const offsets = int32sOf(part('statementOffsets'));
  const facts = int32sOf(part('statementFacts'));
  if (supporting === null || offsets === null || facts === null || offsets.length !== supporting.length + 1 || offsets[0] !== 0 || offsets[supporting.length] !== facts.length) {
    return null;
  }
  yield PART;
  const factsByStatement = new Map<string, StatementFacts>();
  for (let i = 0; i < supporting.length; i++) {
    const statementId = statementIds[supporting[i]!];
    if (statementId === undefined || offsets[i]! > offsets[i + 1]!) return null;
    const relationIds: string[] = [];
    const eventIds: string[] = [];
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const fact = facts[k]!;
      const id = fact >= 0 ? idOf(Of.RELATION, fact) : idOf(Of.EVENT, -fact - 1);
      if (id === null) return null;
      (fact >= 0 ? relationIds : eventIds).push(id);
    }
    factsByStatement.set(statementId, { relationIds, eventIds });
    yield 1;
  }
  return { timeline, factsByStatement };
}

/** A part read counts as this many steps: the pacer looks at the clock after each. */
const PART = 1024;

/** Statement ids in id order: their numbers in the image. */
function statementIdsOf(state: MemoryState): string[] {
  return sortedById([...state.statements.values()]).map((statement) => statement.id);
}

function eventAt(entities: readonly EntityRecord[], n: number): EntityRecord | undefined {
  const entity = entities[n];
  return entity?.event ? entity : undefined;
}

/** Whether a row of this kind may be about this kind of record. */
function fitsKind(kind: TimelineEntryKind, of: Of): boolean {
  switch (kind) {
    case 'EVENT':
      return of === Of.EVENT;
    case 'RELATION':
      return of === Of.RELATION;
    case 'CLAIM':
      return of === Of.EVENT || of === Of.RELATION;
    case 'STATEMENT':
      return of === Of.STATEMENT;
  }
}
