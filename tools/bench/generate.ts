/**
 * A synthetic dataset with a knowledge graph's shape, for load benchmarks and tests:
 *
 *   npx tsx tools/bench/generate.ts --entities N --relations M [--seed S] [--out FILE]
 *
 * writes a dataset in the seed's format (data/seed.json, `Dataset` in src/domain/model.ts) that the
 * domain's validator accepts (`npm run validate-data -- FILE`), to FILE or stdout:
 * - every entity kind, in proportions like a conflict-news graph (many people, units and
 *   settlements, few countries);
 * - relations of every vocabulary type, each joining only the kinds its type allows;
 * - skewed degrees: endpoints are chosen Zipf-like (rank r drawn with weight 1/r) within the kinds
 *   a type allows, so a few entities of each kind are hubs with thousands of relations, and the
 *   long tail has one or two;
 * - statements with speakers (most of them), 1-3 entities they are about and a source; some
 *   relations rest on statements, some carry qualifiers;
 * - the claims model: events (of every type, with a time of any precision, quantities with bounds
 *   and attributions) joined to actors in roles (PARTICIPATED_IN), to places (TOOK_PLACE_IN) and to
 *   larger events (PHASE_OF); every fact has one or two attributions (claimant or the source's own
 *   voice, sometimes a via, every stance, a day said on) and sometimes a time; places have
 *   approximate coordinates. An event's participants and places mostly take its attributions and
 *   time, as hand-written files do.
 *
 * Deterministic: the same arguments give the same bytes. Records are produced by generators and
 * streamed out one at a time in the file format (the domain's `toDatasetFile` per record), so 100k
 * entities / 1M relations need no giant string (the memory that remains is the Zipf tables, the
 * events' details and one key per relation for the validator's duplicate rule).
 */
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';
import { entityToFile, relationToFile, sourceToFile, statementToFile } from '../../src/domain/dataset-validator.js';
import { deriveStatus, firstClaimant, legacyDate } from '../../src/domain/facts.js';
import type {
  Attribution,
  Dataset,
  EntityRecord,
  EventDetails,
  Qualifiers,
  Quantity,
  RelationRecord,
  SourceRecord,
  StatementRecord,
  TimeSpan,
} from '../../src/domain/model.js';
import {
  APPROXIMATIONS,
  CLAIM_STATUSES,
  ENTITY_KINDS,
  EVENT_TYPE_NAMES,
  ID_PREFIX_BY_KIND,
  PARTICIPANT_ROLE_NAMES,
  PLACE_KINDS,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  STANCE_NAMES,
  STATEMENT_KINDS,
  type EntityKind,
  type RelationType,
} from '../../src/domain/vocabulary.js';

export interface GenerateOptions {
  readonly entities: number;
  readonly relations: number;
  readonly seed?: number;
}

/** The smallest entity count that gives every kind two entities (NEAR and ALLIED_WITH need two). */
export const MIN_ENTITIES = ENTITY_KINDS.length * 2;

/** Share of each kind among the entities (countries are few and become hubs). */
const KIND_SHARE: Readonly<Record<EntityKind, number>> = {
  PERSON: 0.3,
  UNIT: 0.2,
  ORGANIZATION: 0.1,
  COUNTRY: 0.02,
  REGION: 0.08,
  SETTLEMENT: 0.25,
  EVENT: 0.05,
};

/** How often each type occurs among the relations (a fact graph of a war: places and forces). */
const TYPE_WEIGHT: Readonly<Record<RelationType, number>> = {
  ALLIED_WITH: 2,
  ATTACKED: 10,
  CLAIMED_CAPTURE_OF: 4,
  COMMANDS: 6,
  CONTROLS: 6,
  DEPLOYED_TO: 10,
  FIGHTING_IN: 12,
  LOCATED_IN: 14,
  MEMBER_OF: 14,
  NEAR: 6,
  PART_OF: 8,
  REPELLED: 3,
  SUFFERED_LOSSES_IN: 3,
  SUPPORTS: 4,
  PARTICIPATED_IN: 12,
  TOOK_PLACE_IN: 5,
  PHASE_OF: 2,
};

const CLAIMANT_KINDS: readonly EntityKind[] = ['COUNTRY', 'ORGANIZATION', 'PERSON'];
/** Relations that belong to an event and may take its attributions and time. */
const OF_EVENT: ReadonlySet<RelationType> = new Set(['PARTICIPATED_IN', 'TOOK_PLACE_IN']);
const SPEAKER_KINDS: readonly EntityKind[] = ['PERSON', 'ORGANIZATION', 'COUNTRY'];
const EXTENTS = ['most of', 'part of', 'the outskirts of', 'the centre of'];
const ROLES = ['commander', 'deputy commander', 'spokesperson', 'minister', 'chief of staff'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2022, 0, 1);
const DAYS = 1_461; // 2022-01-01 .. 2025-12-31
/** Sources are published in the last SOURCE_DAYS days; everything said is said before them. */
const SOURCE_DAYS = 90;
const SAID_DAYS = DAYS - SOURCE_DAYS;

/** sfc32: a small, fast, well-mixed PRNG; the state comes from the seed through splitmix32. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
}

/** Draws from 0..n-1 with weight 1/(rank+1)^s, ranks shuffled so hubs are not the first ids. */
class Zipf {
  private readonly cdf: Float64Array;
  private readonly order: Uint32Array;

  constructor(n: number, s: number, random: () => number) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      sum += 1 / Math.pow(r + 1, s);
      this.cdf[r] = sum;
    }
    for (let r = 0; r < n; r++) this.cdf[r]! /= sum;
    this.order = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = this.order[i]!;
      this.order[i] = this.order[j]!;
      this.order[j] = t;
    }
  }

  draw(random: () => number): number {
    const u = random();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.order[lo]!;
  }
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

function weighted<T extends string>(weights: Readonly<Record<T, number>>, random: () => number): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let u = random() * total;
  for (const [key, w] of entries) {
    u -= w;
    if (u < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

const isoDay = (offset: number) => new Date(FIRST_DAY + offset * DAY_MS).toISOString().slice(0, 10);

/** How many entities of each kind: two of each, the rest shared out by KIND_SHARE. */
export function kindCounts(total: number): Record<EntityKind, number> {
  if (!Number.isSafeInteger(total) || total < MIN_ENTITIES) {
    throw new Error(`--entities must be an integer of at least ${MIN_ENTITIES}; got ${total}.`);
  }
  const counts = {} as Record<EntityKind, number>;
  const spare = total - MIN_ENTITIES;
  let left = spare;
  for (const kind of ENTITY_KINDS) {
    const extra = Math.floor(spare * KIND_SHARE[kind]);
    counts[kind] = 2 + extra;
    left -= extra;
  }
  counts.SETTLEMENT += left; // what rounding left over goes to the largest pool
  return counts;
}

/** Everything the sections need, drawn up front from the options (cheap: per-kind tables only). */
class Plan {
  readonly counts: Record<EntityKind, number>;
  readonly sourceCount: number;
  readonly statementCount: number;
  private readonly zipf: Record<EntityKind, Zipf>;
  private readonly sourceZipf: Zipf;

  constructor(readonly options: Required<GenerateOptions>) {
    if (!Number.isSafeInteger(options.relations) || options.relations < 0) {
      throw new Error(`--relations must be a non-negative integer; got ${options.relations}.`);
    }
    this.counts = kindCounts(options.entities);
    this.sourceCount = Math.max(1, Math.ceil(options.relations / 2_000));
    this.statementCount = Math.max(1, Math.ceil(options.relations / 20));
    const random = rng(options.seed ^ 0x5eed);
    this.zipf = {} as Record<EntityKind, Zipf>;
    for (const kind of ENTITY_KINDS) this.zipf[kind] = new Zipf(this.counts[kind], 1.0, random);
    this.sourceZipf = new Zipf(this.sourceCount, 0.8, random);
  }

  entityId(kind: EntityKind, i: number): string {
    return `${ID_PREFIX_BY_KIND[kind]}:gen-${i}`;
  }

  sourceId(i: number): string {
    return `source:gen-${i}`;
  }

  statementId(i: number): string {
    return `stmt:gen-${i}`;
  }

  /** A Zipf-chosen entity among `kinds`, a kind picked in proportion to its size. */
  entityOf(kinds: readonly EntityKind[], random: () => number): { kind: EntityKind; index: number } {
    let total = 0;
    for (const k of kinds) total += this.counts[k];
    let u = Math.floor(random() * total);
    let kind = kinds[kinds.length - 1]!;
    for (const k of kinds) {
      if (u < this.counts[k]) {
        kind = k;
        break;
      }
      u -= this.counts[k];
    }
    return { kind, index: this.zipf[kind].draw(random) };
  }

  source(random: () => number): string {
    return this.sourceId(this.sourceZipf.draw(random));
  }

  private readonly events = new Map<number, EventDetails>();

  /** The details of event `index`: drawn from the seed and the index alone, so any section can ask. */
  event(index: number): EventDetails {
    let details = this.events.get(index);
    if (details === undefined) {
      const random = rng((this.options.seed ^ 0xe7e) + index * 0x9e3779b1);
      const attributions = attributionsFor(this, random);
      details = {
        type: EVENT_TYPE_NAMES[index % EVENT_TYPE_NAMES.length]!,
        time: random() < 0.8 ? timeFor(random) : null,
        quantities: quantitiesFor(random),
        attributions,
        status: deriveStatus(attributions),
      };
      this.events.set(index, details);
    }
    return details;
  }

  /** The details of an event by id, for the relations that take its attributions and time. */
  eventById(id: string): EventDetails | undefined {
    const prefix = `${ID_PREFIX_BY_KIND.EVENT}:gen-`;
    return id.startsWith(prefix) ? this.event(Number(id.slice(prefix.length))) : undefined;
  }
}

function* sources(plan: Plan): Generator<SourceRecord> {
  const random = rng(plan.options.seed ^ 0x50c);
  for (let i = 0; i < plan.sourceCount; i++) {
    yield {
      id: plan.sourceId(i),
      title: `Synthetic report ${i}`,
      publisher: random() < 0.7 ? `Publisher ${i % 17}` : null,
      published: random() < 0.8 ? isoDay(SAID_DAYS + Math.floor(random() * SOURCE_DAYS)) : null,
      url: random() < 0.5 ? `https://example.org/reports/${i}` : null,
      kind: 'DOCUMENT',
    };
  }
}

/** One or two attributions: a claimant or the source's own voice, every stance, sometimes a via and a day. */
function attributionsFor(plan: Plan, random: () => number): Attribution[] {
  const count = random() < 0.75 ? 1 : 2;
  const attributions: Attribution[] = [];
  for (let i = 0; i < count; i++) {
    const claimant = random() < 0.2 ? null : plan.entityOf(CLAIMANT_KINDS, random);
    const claimantId = claimant ? plan.entityId(claimant.kind, claimant.index) : null;
    const via = random() < 0.1 ? plan.entityId('ORGANIZATION', plan.entityOf(['ORGANIZATION'], random).index) : null;
    attributions.push({
      claimantId,
      viaId: via === claimantId ? null : via,
      statementId: null,
      stance: i === 0 || random() < 0.5 ? 'ASSERTS' : pick(STANCE_NAMES, random),
      saidOn: random() < 0.6 ? isoDay(Math.floor(random() * SAID_DAYS)) : null,
      sourceId: plan.source(random),
      note: random() < 0.03 ? 'Synthetic note.' : null,
    });
  }
  return attributions;
}

/** A time of any precision: a day, a month, a year, or a range of days. */
function timeFor(random: () => number): TimeSpan {
  const day = Math.floor(random() * (DAYS - 60));
  const u = random();
  if (u < 0.5) return { start: isoDay(day), end: null, text: null };
  if (u < 0.7) return { start: isoDay(day).slice(0, 7), end: null, text: random() < 0.5 ? 'in that month' : null };
  if (u < 0.75) return { start: isoDay(day).slice(0, 4), end: null, text: null };
  return { start: isoDay(day), end: isoDay(day + 1 + Math.floor(random() * 59)), text: random() < 0.3 ? 'over several weeks' : null };
}

function quantitiesFor(random: () => number): Quantity[] {
  const none = { value: null, min: null, max: null, approximation: null, unit: null, wording: null };
  const u = random();
  if (u < 0.6) return [];
  if (u < 0.8) {
    const value = 10 + Math.floor(random() * 20_000);
    return [{ ...none, measure: 'TROOPS', value, approximation: pick(APPROXIMATIONS, random), wording: `about ${value} troops` }];
  }
  if (u < 0.9) {
    const min = Math.floor(random() * 500);
    return [{ ...none, measure: 'CASUALTIES', min, max: min * 2 + 1, wording: 'several hundred casualties' }];
  }
  return [{ ...none, measure: 'DURATION', min: 2, max: 9, unit: 'weeks', wording: 'for several weeks' }];
}

function* entities(plan: Plan): Generator<EntityRecord> {
  const random = rng(plan.options.seed ^ 0xe17);
  for (const kind of ENTITY_KINDS) {
    const word = kind.charAt(0) + kind.slice(1).toLowerCase();
    const place = PLACE_KINDS.includes(kind);
    for (let i = 0; i < plan.counts[kind]; i++) {
      const aliases: string[] = [];
      if (random() < 0.4) aliases.push(`${word} #${i}`);
      if (random() < 0.15) aliases.push(`${word.toUpperCase()}-${i}`);
      const description = random() < 0.5 ? `A synthetic ${kind.toLowerCase()} (generated, number ${i}).` : null;
      // Places spread over a box the size of Ukraine, to two decimals like the seed's.
      const location = place
        ? { latitude: Math.round((44 + random() * 9) * 100) / 100, longitude: Math.round((22 + random() * 18) * 100) / 100, precision: 'APPROXIMATE' as const }
        : null;
      yield {
        id: plan.entityId(kind, i),
        kind,
        name: `${word} ${i}`,
        aliases,
        description,
        location,
        event: kind === 'EVENT' ? plan.event(i) : null,
      };
    }
  }
}

function qualifiersFor(type: RelationType, random: () => number): Qualifiers {
  const q: Record<string, unknown> = {};
  switch (type) {
    case 'NEAR': {
      const km = Math.round(random() * 800) / 10;
      q.distanceKm = km;
      if (random() < 0.5) q.distanceMiles = Math.round(km * 6.2137) / 10;
      q.approximation = pick(APPROXIMATIONS, random);
      break;
    }
    case 'DEPLOYED_TO':
      if (random() < 0.6) {
        q.troopCount = Math.floor(random() * 20_000);
        q.approximation = pick(APPROXIMATIONS, random);
      }
      break;
    case 'SUFFERED_LOSSES_IN':
      if (random() < 0.7) q.casualtyCount = Math.floor(random() * 5_000);
      break;
    case 'CONTROLS':
      if (random() < 0.5) q.extent = pick(EXTENTS, random);
      break;
    case 'MEMBER_OF':
      if (random() < 0.5) q.role = pick(ROLES, random);
      break;
    case 'PARTICIPATED_IN':
      q.participantRole = pick(PARTICIPANT_ROLE_NAMES, random);
      break;
    default:
      break;
  }
  if (random() < 0.05) q.note = 'Synthetic note.';
  return q as Qualifiers;
}

function* relations(plan: Plan): Generator<RelationRecord> {
  const random = rng(plan.options.seed ^ 0x2e1);
  // The validator's rule: no two relations of one type, ends (either order when symmetric),
  // attributions and time. Keys are small strings of indexes (the first claimant, stance and day
  // tell attributions apart; an event's relation that takes the event's is "e"); a clash is drawn again.
  const seen = new Set<string>();
  const kindIndex = new Map<EntityKind, number>(ENTITY_KINDS.map((k, i) => [k, i]));
  const typeIndex = new Map<RelationType, number>(RELATION_TYPE_NAMES.map((t, i) => [t, i]));
  for (let i = 0; i < plan.options.relations; i++) {
    for (let attempt = 0; ; attempt++) {
      const type = weighted(TYPE_WEIGHT, random);
      const spec = RELATION_TYPES[type];
      const from = plan.entityOf(spec.from, random);
      const to = plan.entityOf(spec.to, random);
      if (from.kind === to.kind && from.index === to.index) continue;
      const fromId = plan.entityId(from.kind, from.index);
      const toId = plan.entityId(to.kind, to.index);
      const event = OF_EVENT.has(type) && attempt === 0 && random() < 0.7 ? plan.eventById(type === 'PARTICIPATED_IN' ? toId : fromId) : undefined;
      const attributions = event?.attributions ?? attributionsFor(plan, random);
      // Later attempts always get a day, so a pair drawn many times still finds a free key.
      const day = event !== undefined ? -1 : random() < (attempt > 0 ? 1 : 0.4) ? Math.floor(random() * DAYS) : -1;
      const time: TimeSpan | null = event !== undefined ? event.time : day >= 0 ? { start: isoDay(day), end: null, text: null } : null;
      const a = `${kindIndex.get(from.kind)}.${from.index}`;
      const b = `${kindIndex.get(to.kind)}.${to.index}`;
      const ends = spec.symmetric && b < a ? `${b}|${a}` : `${a}|${b}`;
      const first = attributions[0]!;
      const said = event !== undefined ? 'e' : `${first.claimantId ?? ''}.${first.stance}.${first.saidOn ?? ''}.${attributions.length}`;
      const key = `${typeIndex.get(type)}|${ends}|${said}|${day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const statementIds: string[] = [];
      if (random() < 0.05) statementIds.push(plan.statementId(Math.floor(random() * plan.statementCount)));
      yield {
        id: `rel:gen-${i}`,
        type,
        from: fromId,
        to: toId,
        time,
        attributions,
        status: deriveStatus(attributions),
        claimedBy: firstClaimant(attributions),
        date: legacyDate(time),
        sourceId: first.sourceId,
        statementIds,
        qualifiers: qualifiersFor(type, random),
      };
      break;
    }
  }
}

function* statements(plan: Plan): Generator<StatementRecord> {
  const random = rng(plan.options.seed ^ 0x57a);
  const ALL_KINDS = ENTITY_KINDS;
  for (let i = 0; i < plan.statementCount; i++) {
    const speaker = random() < 0.85 ? plan.entityOf(SPEAKER_KINDS, random) : null;
    const about = new Set<string>();
    const wanted = 1 + Math.floor(random() * 3);
    while (about.size < wanted) {
      const e = plan.entityOf(ALL_KINDS, random);
      about.add(plan.entityId(e.kind, e.index));
    }
    const kind = pick(STATEMENT_KINDS, random);
    const via = random() < 0.1 ? plan.entityOf(['ORGANIZATION'], random) : null;
    yield {
      id: plan.statementId(i),
      kind,
      text: kind === 'QUOTE' ? `Synthetic quote number ${i}.` : `Synthetic report number ${i} of what was said.`,
      date: random() < 0.7 ? isoDay(Math.floor(random() * SAID_DAYS)) : null,
      speakerId: speaker ? plan.entityId(speaker.kind, speaker.index) : null,
      aboutIds: [...about],
      sourceId: plan.source(random),
      status: pick(CLAIM_STATUSES, random),
      reportedViaId: via ? plan.entityId('ORGANIZATION', via.index) : null,
    };
  }
}

function withSeed(options: GenerateOptions): Required<GenerateOptions> {
  return { ...options, seed: (options.seed ?? 1) >>> 0 };
}

/** The whole dataset in memory (for tests and small sizes). */
export function generateDataset(options: GenerateOptions): Dataset {
  const plan = new Plan(withSeed(options));
  return {
    sources: [...sources(plan)],
    entities: [...entities(plan)],
    relations: [...relations(plan)],
    statements: [...statements(plan)],
  };
}


/** Streams the dataset as JSON to `out`, honouring backpressure; resolves with the counts. */
export async function writeDataset(
  options: GenerateOptions,
  out: Writable,
): Promise<{ sources: number; entities: number; relations: number; statements: number }> {
  const plan = new Plan(withSeed(options));
  const counts = { sources: 0, entities: 0, relations: 0, statements: 0 };
  let buffer = '';
  const flush = async (force = false) => {
    if (!force && buffer.length < 1 << 16) return;
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) await new Promise<void>((done) => out.once('drain', done));
  };
  const section = async <T>(name: keyof typeof counts, records: Iterable<T>, toFile: (record: T) => object, last: boolean) => {
    buffer += `  "${name}": [`;
    let first = true;
    for (const record of records) {
      buffer += `${first ? '' : ','}\n    ${JSON.stringify(toFile(record))}`;
      first = false;
      counts[name]++;
      await flush();
    }
    buffer += `${first ? '' : '\n  '}]${last ? '' : ','}\n`;
  };
  const { entities: e, relations: r, seed } = plan.options;
  buffer += `{\n  "$comment": ${JSON.stringify(`Synthetic dataset from tools/bench/generate.ts --entities ${e} --relations ${r} --seed ${seed}`)},\n`;
  await section('sources', sources(plan), sourceToFile, false);
  await section('entities', entities(plan), entityToFile, false);
  await section('relations', relations(plan), (r) => relationToFile(r, (id) => plan.eventById(id)), false);
  await section('statements', statements(plan), statementToFile, true);
  buffer += '}\n';
  await flush(true);
  return counts;
}

const USAGE = 'usage: npx tsx tools/bench/generate.ts --entities N --relations M [--seed S] [--out FILE]';

export function parseGenerateArgs(argv: readonly string[]): GenerateOptions & { out: string | null } {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!['--entities', '--relations', '--seed', '--out'].includes(flag!)) throw new Error(`Unknown argument ${arg}. ${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
    values[flag!.slice(2)] = value;
  }
  const int = (name: string, fallback?: number): number => {
    const v = values[name];
    if (v === undefined) {
      if (fallback === undefined) throw new Error(`--${name} is required. ${USAGE}`);
      return fallback;
    }
    if (!/^\d+$/.test(v.replace(/_/g, ''))) throw new Error(`--${name} must be a non-negative integer; got ${v}.`);
    return Number(v.replace(/_/g, ''));
  };
  return { entities: int('entities'), relations: int('relations'), seed: int('seed', 1), out: values['out'] ?? null };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const { out, ...options } = parseGenerateArgs(process.argv.slice(2));
    const started = Date.now();
    const stream = out === null ? process.stdout : createWriteStream(out);
    const counts = await writeDataset(options, stream);
    if (out !== null) {
      await new Promise<void>((done, fail) => {
        stream.on('error', fail);
        stream.end(done);
      });
    }
    process.stderr.write(
      `generated ${counts.sources} sources, ${counts.entities} entities, ${counts.relations} relations, ` +
        `${counts.statements} statements in ${((Date.now() - started) / 1000).toFixed(1)} s${out ? ` to ${out}` : ''}\n`,
    );
  } catch (error) {
    process.stderr.write(`generate: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
