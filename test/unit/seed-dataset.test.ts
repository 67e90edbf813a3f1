import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DatasetValidationError, parseDataset, validateDataset } from '../../src/domain/dataset-validator.js';
import { precisionOf, timeBounds } from '../../src/domain/facts.js';
import type { Attribution, Dataset, EntityRecord, EventDetails, RelationRecord, StatementRecord, TimeSpan } from '../../src/domain/model.js';
import { normalizeForSearch, SEARCH_TEXT_SEPARATOR, searchText } from '../../src/domain/search.js';
import { PLACE_KINDS } from '../../src/domain/vocabulary.js';

const SEED_FILE = fileURLToPath(new URL('../../data/seed.json', import.meta.url));
/** The article the seed was read from, kept in the repository (the extraction reads it too). */
const ARTICLE_FILE = fileURLToPath(new URL('../../data/seed-article.txt', import.meta.url));
const SOURCE_ID = 'source:reuters-kursk-kurakhove-2025-01-06';

type RawRecord = Record<string, unknown>;
interface RawDataset {
  sources: RawRecord[];
  entities: RawRecord[];
  relations: RawRecord[];
  statements: RawRecord[];
}

const rawSeed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as RawDataset;

/** A deep copy of the seed file as parsed JSON, for changing one thing at a time. */
const copyOfSeed = (): RawDataset => structuredClone(rawSeed);

let parsed: Dataset | undefined;
const seed = (): Dataset => (parsed ??= parseDataset(copyOfSeed()));

function record<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((r) => r.id === id);
  if (!found) throw new Error(`The seed has no record "${id}".`);
  return found;
}
const rawRecord = (list: RawRecord[], id: string): RawRecord => record(list as (RawRecord & { id: string })[], id);

const relation = (id: string): RelationRecord => record(seed().relations, id);
const statement = (id: string): StatementRecord => record(seed().statements, id);
const entity = (id: string): EntityRecord => record(seed().entities, id);

/** Applies `change` to a copy of the seed and expects a problem that mentions every fragment. */
function expectRejection(change: (d: RawDataset) => void, ...fragments: string[]): void {
  const broken = copyOfSeed();
  change(broken);
  const problems = validateDataset(broken);
  expect(
    problems.some((p) => fragments.every((f) => p.includes(f))),
    `expected a problem mentioning ${fragments.map((f) => JSON.stringify(f)).join(' and ')}; got:\n${problems.join('\n')}`,
  ).toBe(true);
  expect(() => parseDataset(broken)).toThrow(DatasetValidationError);
}

/** Typographic quotes and apostrophes made plain, runs of white space made one space. */
const normalizeText = (text: string): string =>
  text
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

const GENERAL_KNOWLEDGE = 'source:general-knowledge';
const event = (id: string): EventDetails => {
  const details = entity(id).event;
  if (details === null) throw new Error(`"${id}" has no event details.`);
  return details;
};
/** The relations of `type` that join `id` at either end. */
const relationsAt = (id: string, type: RelationRecord['type']): RelationRecord[] =>
  seed().relations.filter((r) => r.type === type && (r.from === id || r.to === id));
/** "actor ROLE" for each participant of an event. */
const participants = (eventId: string): string[] =>
  relationsAt(eventId, 'PARTICIPATED_IN')
    .map((r) => `${r.from} ${r.qualifiers.participantRole}`)
    .sort();
/** "claimant STANCE" for each attribution. */
const stances = (attributions: readonly Attribution[]): string[] =>
  attributions.map((a) => `${a.claimantId ?? '(the source)'} ${a.stance}`);

/** Every fact of the seed (relations and events) with the attributions it rests on. */
const facts = () => [
  ...seed().relations.map((r) => ({ id: r.id, attributions: r.attributions })),
  ...seed().entities.flatMap((e) => (e.event ? [{ id: e.id, attributions: e.event.attributions }] : [])),
];

/** Great-circle distance in km between two places of the seed. */
function kmBetween(a: string, b: string): number {
  const [p, q] = [entity(a).location!, entity(b).location!];
  const rad = Math.PI / 180;
  const h =
    Math.sin(((q.latitude - p.latitude) * rad) / 2) ** 2 +
    Math.cos(p.latitude * rad) * Math.cos(q.latitude * rad) * Math.sin(((q.longitude - p.longitude) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Whether a search for `text` finds `id` by its name or an alias (search semantics of the domain). */
const findable = (text: string, id: string): boolean => searchText(entity(id)).split(SEARCH_TEXT_SEPARATOR).some((k) => k.includes(normalizeForSearch(text)));

describe('the seed dataset', () => {
  it('passes the dataset validator without a single problem', () => {
    expect(validateDataset(copyOfSeed())).toEqual([]);
    expect(seed().sources.map((s) => [s.id, s.kind])).toEqual([
      [SOURCE_ID, 'DOCUMENT'],
      [GENERAL_KNOWLEDGE, 'GENERAL_KNOWLEDGE'],
    ]);
  });

  it('is in the new format: attributions instead of a status, claimant and date on every relation', () => {
    const legacy = rawSeed.relations.filter((r) => 'status' in r || 'claimedBy' in r || 'date' in r || 'sourceId' in r);
    expect(legacy.map((r) => r.id)).toEqual([]);
  });

  it('has the events the API and its clients rely on, each of the type they expect', () => {
    const types = Object.fromEntries(seed().entities.flatMap((e) => (e.event ? [[e.id, e.event.type]] : [])));
    expect(types).toMatchObject({
      'event:russia-ukraine-war': 'WAR',
      'event:kursk-incursion': 'OFFENSIVE',
      'event:kursk-offensive-2025-01': 'OFFENSIVE',
      'event:kursk-repulse': 'REPULSE',
      'event:kurakhove-capture': 'CAPTURE',
      'event:dachenske-capture': 'CAPTURE',
      'event:kurakhove-assaults': 'ASSAULT',
      'event:kurakhove-defence': 'DEFENCE',
      'event:russian-advance-donetsk': 'ADVANCE',
      'event:north-korean-deployment-kursk': 'DEPLOYMENT',
      'event:north-korean-casualties-kursk': 'CASUALTIES',
      'event:trump-inauguration': 'INAUGURATION',
      'event:uk-pledge': 'PLEDGE',
    });
  });

  describe('the validator, given a copy of the seed with one thing broken,', () => {
    it('rejects a relation that points at an entity that does not exist, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:alaudinov-commands-chechen-unit').to = 'unit:no-such-unit'),
        'Relation "rel:alaudinov-commands-chechen-unit"',
        '"unit:no-such-unit"',
      );
    });

    it('rejects a statement whose speaker does not exist, naming the statement', () => {
      expectRejection(
        (d) => (rawRecord(d.statements, 'stmt:blinken-north-korean-casualties').speakerId = 'person:nobody'),
        'Statement "stmt:blinken-north-korean-casualties"',
        '"person:nobody"',
      );
    });

    it('rejects a relation that rests on a statement that does not exist, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:united-kingdom-supports-ukraine').statementIds = ['stmt:missing']),
        'Relation "rel:united-kingdom-supports-ukraine"',
        '"stmt:missing"',
      );
    });

    it('rejects an entity of an unknown kind, naming the entity', () => {
      expectRejection(
        (d) => (rawRecord(d.entities, 'person:franz-stefan-gady').kind = 'ANALYST'),
        'Entity "person:franz-stefan-gady"',
        '"ANALYST"',
      );
    });

    it('rejects a relation of an unknown type, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:north-korea-allied-with-russia').type = 'FRIENDS_WITH'),
        'Relation "rel:north-korea-allied-with-russia"',
        '"FRIENDS_WITH"',
      );
    });

    it('rejects a relation that starts at a kind its type does not allow, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:alaudinov-commands-chechen-unit').from = 'settlement:kurakhove'),
        'Relation "rel:alaudinov-commands-chechen-unit"',
        'cannot start at a SETTLEMENT',
      );
    });

    it('rejects a relation that ends at a kind its type does not allow, naming the relation', () => {
      expectRejection(
        (d) => (rawRecord(d.relations, 'rel:kurakhove-located-in-donetsk-region').to = 'person:apti-alaudinov'),
        'Relation "rel:kurakhove-located-in-donetsk-region"',
        'cannot end at a PERSON',
      );
    });

    it('rejects two records with the same id, naming the id', () => {
      expectRejection((d) => {
        d.entities.push({ ...rawRecord(d.entities, 'settlement:kurakhove'), name: 'Kurakhove (again)' });
      }, '"settlement:kurakhove" duplicates the id');
    });

    it('rejects a date that is not YYYY-MM-DD, naming the statement', () => {
      expectRejection(
        (d) => (rawRecord(d.statements, 'stmt:blinken-north-korean-casualties').date = '06/01/2025'),
        'Statement "stmt:blinken-north-korean-casualties"',
        '"06/01/2025"',
      );
    });

    it('rejects a calendar day that does not exist in an event time, naming the event', () => {
      expectRejection(
        (d) => ((rawRecord(d.entities, 'event:kursk-offensive-2025-01').event as RawRecord).time = { start: '2025-02-30' }),
        'Entity "event:kursk-offensive-2025-01"',
        'event time',
        '"2025-02-30"',
      );
    });
  });

  describe('as an analyst reads it', () => {
    it('says Alaudinov commands the Chechen unit, which fights in the Kursk region and is findable as Akhmat', () => {
      const commands = relation('rel:alaudinov-commands-chechen-unit');
      expect([commands.type, commands.from, commands.to]).toEqual(['COMMANDS', 'person:apti-alaudinov', 'unit:chechen-unit']);
      const fighting = relation('rel:chechen-unit-fighting-in-kursk-region');
      expect([fighting.type, fighting.from, fighting.to]).toEqual(['FIGHTING_IN', 'unit:chechen-unit', 'region:kursk']);
      const unit = entity('unit:chechen-unit');
      expect(unit.aliases).toContain('Akhmat');
      expect(unit.description).toMatch(/not from the article/);
    });

    it('answers "who holds Kurakhove?" with the ministry\'s disputed capture, DeepState\'s "most of", and Khortytsia\'s assaults and defence', () => {
      const capture = event('event:kurakhove-capture');
      expect(capture.status).toBe('DISPUTED');
      expect(stances(capture.attributions)).toEqual([
        'org:russian-defense-ministry ASSERTS',
        'org:deepstate DISPUTES',
        'unit:khortytsia-group DISPUTES',
      ]);
      expect(capture.attributions[0]).toMatchObject({ saidOn: '2025-01-06', statementId: 'stmt:defense-ministry-captured-kurakhove' });
      expect(capture.time).toBeNull(); // the ministry said when it spoke, not when the town fell
      expect(relationsAt('event:kurakhove-capture', 'TOOK_PLACE_IN').map((r) => r.to)).toEqual(['settlement:kurakhove']);

      const control = relation('rel:russian-forces-control-most-of-kurakhove');
      expect(control).toMatchObject({ type: 'CONTROLS', status: 'CLAIMED', claimedBy: 'org:deepstate', date: '2025-01-06' });
      expect(control.qualifiers.extent).toBe('most of');

      const assaults = event('event:kurakhove-assaults');
      expect(stances(assaults.attributions)).toEqual(['unit:khortytsia-group ASSERTS', 'org:russian-defense-ministry ASSERTS']);
      expect(assaults.status).toBe('REPORTED');
      expect(assaults.quantities).toEqual([
        expect.objectContaining({ measure: 'DURATION', min: 2, max: 9, unit: 'weeks', wording: 'which had resisted for several weeks' }),
      ]);
      const defence = event('event:kurakhove-defence');
      expect(defence).toMatchObject({ type: 'DEFENCE', status: 'CLAIMED' });
      expect(participants('event:kurakhove-defence')).toContain('unit:ukrainian-armed-forces DEFENDER');
      expect(relationsAt('event:kurakhove-defence', 'TOOK_PLACE_IN').map((r) => r.to)).toEqual(['settlement:kurakhove']);

      const aboutKurakhove = [
        ...seed().relations.filter((r) => r.to === 'settlement:kurakhove' && r.type !== 'LOCATED_IN' && r.type !== 'NEAR'),
        ...relationsAt('settlement:kurakhove', 'TOOK_PLACE_IN').map((r) => ({ id: r.from, status: event(r.from).status })),
      ];
      expect(aboutKurakhove.length).toBeGreaterThanOrEqual(4);
      expect(aboutKurakhove.filter((f) => f.status === 'CONFIRMED').map((f) => f.id)).toEqual([]);
    });

    it("keeps Blinken's North Korean casualty figure unverified: said by him on 6 January, through Reuters, which cannot verify it", () => {
      const casualties = event('event:north-korean-casualties-kursk');
      expect(casualties.status).toBe('UNVERIFIED');
      expect(casualties.attributions).toEqual([
        expect.objectContaining({ claimantId: 'person:antony-blinken', viaId: 'org:reuters', stance: 'ASSERTS', saidOn: '2025-01-06' }),
        expect.objectContaining({ claimantId: 'org:reuters', stance: 'CANNOT_VERIFY', statementId: 'stmt:reuters-cannot-verify-casualties' }),
      ]);
      expect(casualties.quantities).toEqual([expect.objectContaining({ measure: 'CASUALTIES', value: 1000, approximation: 'MORE_THAN' })]);
      // Cumulative losses: the day is when he spoke, not when they happened.
      expect(casualties.time).toBeNull();
      expect(participants('event:north-korean-casualties-kursk')).toEqual(['unit:north-korean-troops CASUALTY']);
      expect(statement('stmt:blinken-north-korean-casualties').status).toBe('UNVERIFIED');
    });

    it('gives the North Korean deployment as about 11,000, asserted by Ukraine and unnamed Western governments; Russia neither confirms nor denies', () => {
      const deployment = event('event:north-korean-deployment-kursk');
      expect(stances(deployment.attributions)).toEqual(['country:ukraine ASSERTS', 'org:western-governments ASSERTS']);
      expect(deployment.status).toBe('REPORTED');
      expect(deployment.quantities).toEqual([expect.objectContaining({ measure: 'TROOPS', value: 11000, approximation: 'APPROXIMATE' })]);
      expect(participants('event:north-korean-deployment-kursk')).toEqual(['country:russia BENEFICIARY', 'unit:north-korean-troops DEPLOYED_FORCE']);
      // Silence is not a denial: a note and a statement about the event, no DENIES.
      expect(deployment.attributions.some((a) => a.stance === 'DENIES')).toBe(false);
      expect(deployment.attributions[0]!.note).toMatch(/neither confirmed nor denied/);
      expect(statement('stmt:russia-silent-on-north-korean-troops').aboutIds).toContain('event:north-korean-deployment-kursk');
      expect(entity('org:western-governments').description).toMatch(/does not name them/);
    });

    it("places Ukraine's new Kursk offensive on Sunday 5 January, with several hundred troops in platoon- and company-sized attacks", () => {
      const offensive = event('event:kursk-offensive-2025-01');
      expect(offensive.time).toEqual({ start: '2025-01-05', end: null, text: 'on Sunday' });
      expect(precisionOf(offensive.time!)).toBe('DAY');
      expect(participants('event:kursk-offensive-2025-01')).toEqual(
        expect.arrayContaining(['country:ukraine ATTACKER', 'unit:russian-armed-forces DEFENDER']),
      );
      expect(offensive.quantities).toEqual([
        expect.objectContaining({ measure: 'TROOPS', value: null, min: 200, max: 999, wording: 'several hundred Ukrainian troops' }),
        expect.objectContaining({ measure: 'FORCE_SIZE', wording: 'platoon-sized and company-sized attacks' }),
      ]);
      expect(relationsAt('event:kursk-offensive-2025-01', 'TOOK_PLACE_IN').map((r) => r.to)).toEqual(['region:kursk']);
    });

    it('ties the repulse to Berdin ("near") and to the offensive it beat back, as the ministry claims', () => {
      const repulse = event('event:kursk-repulse');
      expect(repulse.status).toBe('CLAIMED');
      expect(stances(repulse.attributions)).toEqual(['org:russian-defense-ministry ASSERTS']);
      const [where] = relationsAt('event:kursk-repulse', 'TOOK_PLACE_IN');
      expect(where).toMatchObject({ to: 'settlement:berdin', qualifiers: { wording: 'near the settlement of Berdin' } });
      expect(relationsAt('event:kursk-repulse', 'PHASE_OF').map((r) => r.to)).toEqual(['event:kursk-offensive-2025-01']);
      expect(precisionOf(repulse.time!)).toBe('RANGE');
    });

    it('has the war itself, Russia against Ukraine, "nearly three-year", and the Kursk incursion over "the past five months"', () => {
      const war = event('event:russia-ukraine-war');
      expect(participants('event:russia-ukraine-war')).toEqual(['country:russia ATTACKER', 'country:ukraine DEFENDER']);
      expect(war.time).toMatchObject({ text: 'nearly three-year' });
      const incursion = event('event:kursk-incursion');
      expect(incursion.time).toEqual({ start: '2024-08', end: '2025-01-06', text: 'Over the past five months' });
      expect(timeBounds(incursion.time!)).toEqual({ earliest: '2024-08-01', latest: '2025-01-06' });
      for (const id of ['event:kursk-incursion', 'event:kursk-offensive-2025-01', 'event:russian-advance-donetsk']) {
        const larger = relationsAt(id, 'PHASE_OF').filter((r) => r.from === id);
        expect(larger.map((r) => r.to), id).toEqual(['event:russia-ukraine-war']);
      }
    });

    it("has Russia's advance in the Donetsk region, Kallas's attacks from the Kursk region, the inauguration and the UK's pledge", () => {
      expect(relationsAt('event:russian-advance-donetsk', 'TOOK_PLACE_IN').map((r) => r.to)).toEqual(['region:donetsk']);
      expect(participants('event:russian-advance-donetsk')).toContain('unit:russian-armed-forces ATTACKER');
      const attacks = seed().entities.find((e) => e.event && relationsAt(e.id, 'TOOK_PLACE_IN').some((r) => r.qualifiers.wording === 'attacks originating from the Kursk region'));
      expect(attacks?.event?.attributions[0]).toMatchObject({ claimantId: 'person:kaja-kallas', viaId: 'org:reuters' });
      expect(event('event:trump-inauguration').time).toEqual({ start: '2025-01-20', end: null, text: null });
      expect(participants('event:trump-inauguration')).toEqual(['person:donald-trump SUBJECT']);
      const pledge = event('event:uk-pledge');
      expect(pledge.status).not.toBe('CONFIRMED');
      expect(stances(pledge.attributions)).toEqual(['country:united-kingdom ASSERTS']);
      expect(participants('event:uk-pledge')).toEqual(['country:ukraine RECIPIENT', 'country:united-kingdom PLEDGER']);
    });

    it('cites general knowledge, never the article, for what the article does not say', () => {
      const background = [
        'rel:pokrovsk-located-in-donetsk-region',
        'rel:dachenske-located-in-donetsk-region',
        'rel:berdin-located-in-kursk-region',
        'rel:kursk-city-located-in-kursk-region',
        'rel:kyiv-located-in-ukraine',
        'rel:moscow-located-in-russia',
        'rel:khortytsia-group-part-of-ukrainian-armed-forces',
        'rel:chechen-unit-part-of-russian-armed-forces',
        'rel:congress-part-of-united-states',
      ];
      for (const id of background) {
        expect(relation(id).attributions.map((a) => a.sourceId), id).toEqual([GENERAL_KNOWLEDGE]);
        expect(relation(id).qualifiers.wording, id).toBeUndefined();
      }
      expect(relation('rel:chechen-unit-part-of-russian-armed-forces').attributions[0]!.note).toMatch(/Rosgvardia/);
      // A note that speaks of public or general knowledge sits on a fact that cites it.
      const unsourced = facts().filter(
        (f) =>
          f.attributions.some((a) => /(public|general) knowledge/i.test(a.note ?? '')) &&
          !f.attributions.some((a) => a.sourceId === GENERAL_KNOWLEDGE),
      );
      expect(unsourced.map((f) => f.id)).toEqual([]);
      expect(seed().sources.find((s) => s.id === GENERAL_KNOWLEDGE)!.title).toMatch(/general knowledge/i);
    });

    it('names the article as the source of every statement and of every attribution that is not general knowledge', () => {
      expect(seed().statements.filter((s) => s.sourceId !== SOURCE_ID).map((s) => s.id)).toEqual([]);
      const elsewhere = facts().filter((f) => f.attributions.some((a) => a.sourceId !== SOURCE_ID && a.sourceId !== GENERAL_KNOWLEDGE));
      expect(elsewhere.map((f) => f.id)).toEqual([]);
    });

    it('does not let "DPR" find the Ukrainian oblast', () => {
      expect(findable('DPR', 'region:donetsk')).toBe(false);
      expect(findable("Donetsk People's Republic", 'region:donetsk')).toBe(false);
    });

    it('finds the "senior Russian commander" and the "high-ranking Ukrainian official" by the article\'s words', () => {
      expect(findable('senior Russian commander', 'person:apti-alaudinov')).toBe(true);
      expect(findable('high-ranking Ukrainian official', 'person:senior-ukrainian-official')).toBe(true);
    });

    it('has Defence Talks, the publisher, as an organization', () => {
      const publisher = seed().sources.find((s) => s.id === SOURCE_ID)!.publisher;
      const found = seed().entities.filter((e) => e.name === publisher);
      expect(found.map((e) => [e.id, e.kind])).toEqual([['org:defence-talks', 'ORGANIZATION']]);
    });

    it('gives every place approximate WGS84 coordinates and its administrative chain up to a country', () => {
      const places = seed().entities.filter((e) => PLACE_KINDS.includes(e.kind));
      expect(places.filter((p) => p.location?.precision !== 'APPROXIMATE').map((p) => p.id)).toEqual([]);
      expect(seed().entities.filter((e) => !PLACE_KINDS.includes(e.kind) && e.location !== null).map((e) => e.id)).toEqual([]);
      const parent = (id: string) => seed().relations.find((r) => r.type === 'LOCATED_IN' && r.from === id)?.to;
      for (const place of places.filter((p) => p.kind !== 'COUNTRY')) {
        let at: string | undefined = place.id;
        for (let hops = 0; at !== undefined && entity(at).kind !== 'COUNTRY' && hops < 3; hops++) at = parent(at);
        expect(at && entity(at).kind, place.id).toBe('COUNTRY');
      }
      // The article: Kurakhove lies 32 km south of Pokrovsk.
      expect(kmBetween('settlement:kurakhove', 'settlement:pokrovsk')).toBeGreaterThan(28);
      expect(kmBetween('settlement:kurakhove', 'settlement:pokrovsk')).toBeLessThan(38);
      expect(entity('settlement:kurakhove').location!.latitude).toBeLessThan(entity('settlement:pokrovsk').location!.latitude);
      // Dachenske: "within five miles" (8 km) of Pokrovsk.
      expect(kmBetween('settlement:dachenske', 'settlement:pokrovsk')).toBeLessThan(8.05);
    });

    it('gives every event at least one participant in a role, and every event a description', () => {
      const events = seed().entities.filter((e) => e.kind === 'EVENT');
      expect(events.length).toBeGreaterThanOrEqual(13);
      expect(events.filter((e) => participants(e.id).length === 0).map((e) => e.id)).toEqual([]);
    });

    it('leaves no entity unconnected to a fact, a statement or a source', () => {
      const used = new Set<string>();
      for (const r of seed().relations) [r.from, r.to].forEach((id) => used.add(id));
      for (const f of facts()) for (const a of f.attributions) [a.claimantId, a.viaId].forEach((id) => id && used.add(id));
      for (const s of seed().statements) [s.speakerId, s.reportedViaId, ...s.aboutIds].forEach((id) => id && used.add(id));
      const publishers = new Set(seed().sources.map((s) => s.publisher));
      const unconnected = seed().entities.filter((e) => !used.has(e.id) && !publishers.has(e.name));
      expect(unconnected.map((e) => e.id)).toEqual([]);
    });

    it('gives every entity a description', () => {
      expect(seed().entities.filter((e) => !e.description).map((e) => e.id)).toEqual([]);
    });

    it("dates what was said on the article's Sunday (2025-01-05) or Monday (2025-01-06)", () => {
      const said = [
        ...seed().statements.map((s) => s.date),
        ...facts().flatMap((f) => f.attributions.map((a) => a.saidOn)),
      ].filter((d) => d !== null);
      expect(said.length).toBeGreaterThan(0);
      expect(new Set(said)).toEqual(new Set(['2025-01-05', '2025-01-06']));
    });

    it('keeps times within what the article allows: nothing after the inauguration, ranges ending by the article\'s day', () => {
      const times = [
        ...seed().relations.map((r) => [r.id, r.time] as const),
        ...seed().entities.flatMap((e) => (e.event ? [[e.id, e.event.time] as const] : [])),
      ].filter((t): t is readonly [string, TimeSpan] => t[1] !== null);
      expect(times.length).toBeGreaterThan(5);
      for (const [id, time] of times) {
        const { latest } = timeBounds(time);
        expect(latest <= '2025-01-20', id).toBe(true);
        if (time.end !== null) expect(latest, id).toBe('2025-01-06');
      }
    });

    it('stores quotes without the quotation marks around them', () => {
      const wrapped = seed().statements.filter((s) => s.kind === 'QUOTE' && /^["'\u201C\u2018]|["'\u201D\u2019]$/.test(s.text));
      expect(wrapped.map((s) => s.id)).toEqual([]);
    });

    const inArticle = (text: string) => normalizeText(readFileSync(ARTICLE_FILE, 'utf8')).includes(normalizeText(text));

    it('finds every quote word for word in the article', () => {
      const quotes = seed().statements.filter((s) => s.kind === 'QUOTE');
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.filter((q) => !inArticle(q.text)).map((q) => q.id)).toEqual([]);
    });

    it('finds every relation\'s "wording" word for word in the article', () => {
      const worded = seed().relations.filter((r) => r.qualifiers.wording !== undefined);
      expect(worded.length).toBeGreaterThan(0);
      expect(worded.filter((r) => !inArticle(r.qualifiers.wording ?? '')).map((r) => r.id)).toEqual([]);
    });

    it("finds every event quantity's wording and every time's text word for word in the article", () => {
      const quantities = seed().entities.flatMap((e) => (e.event?.quantities ?? []).map((q) => [e.id, q.wording] as const));
      const texts = [
        ...seed().relations.map((r) => [r.id, r.time?.text ?? null] as const),
        ...seed().entities.map((e) => [e.id, e.event?.time?.text ?? null] as const),
      ];
      const worded = [...quantities, ...texts].filter((w): w is readonly [string, string] => w[1] !== null);
      expect(quantities.length).toBeGreaterThanOrEqual(5);
      expect(texts.filter(([, t]) => t !== null).length).toBeGreaterThanOrEqual(5);
      expect(worded.filter(([, w]) => !inArticle(w)).map(([id, w]) => `${id}: ${w}`)).toEqual([]);
    });
  });
});
