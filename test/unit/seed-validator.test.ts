/**
 * The dataset validator's rules of the claims model, each shown on a copy of the seed with one
 * thing broken: the problem names the record (id and place in the file) and the field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetValidationError, parseDataset, validateDataset } from '../../src/domain/dataset-validator.js';
import { SEED_FILE } from '../../src/paths.js';

/** A record of the file, to be broken on purpose. */
type Raw = Record<string, any>;
interface RawDataset {
  sources: Raw[];
  entities: Raw[];
  relations: Raw[];
  statements: Raw[];
}
const rawSeed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as RawDataset;

function find(list: Raw[], id: string): Raw {
  const found = list.find((r) => r.id === id);
  if (!found) throw new Error(`The seed has no record "${id}".`);
  return found;
}
/** The label a problem gives a record: `Relation "rel:x" (relations[3])`. */
function label(d: RawDataset, section: keyof RawDataset, id: string): string {
  const kind = { sources: 'Source', entities: 'Entity', relations: 'Relation', statements: 'Statement' }[section];
  return `${kind} "${id}" (${section}[${d[section].findIndex((r) => r.id === id)}])`;
}

/** Applies `change` to a copy of the seed and expects one problem that has every fragment. */
function expectProblem(change: (d: RawDataset) => void, fragments: (d: RawDataset) => string[]): void {
  const broken = structuredClone(rawSeed);
  change(broken);
  const wanted = fragments(broken);
  const problems = validateDataset(broken);
  expect(
    problems.some((p) => wanted.every((f) => p.includes(f))),
    `expected a problem mentioning ${wanted.map((f) => JSON.stringify(f)).join(' and ')}; got:\n${problems.join('\n')}`,
  ).toBe(true);
  expect(() => parseDataset(broken)).toThrow(DatasetValidationError);
}

const CAPTURE = 'event:kurakhove-capture';
const OFFENSIVE = 'event:kursk-offensive-2025-01';
const CONTROL = 'rel:russian-forces-control-most-of-kurakhove';
const event = (d: RawDataset, id: string) => find(d.entities, id).event as Raw;
const eventAt = (id: string) => (d: RawDataset) => `${label(d, 'entities', id)} event`;

describe('the dataset validator', () => {
  it('accepts the seed as it is', () => {
    expect(validateDataset(structuredClone(rawSeed))).toEqual([]);
  });

  describe('attributions', () => {
    it('need a known stance', () => {
      expectProblem((d) => (event(d, CAPTURE).attributions[1].stance = 'DOUBTS'), (d) => [`${eventAt(CAPTURE)(d)} attributions[1]`, 'stance "DOUBTS"']);
    });

    it('name known claimants, vias, statements and sources', () => {
      expectProblem((d) => (find(d.relations, CONTROL).attributions[0].claimantId = 'org:nobody'), (d) => [`${label(d, 'relations', CONTROL)} attributions[0]`, '"claimantId"', '"org:nobody"']);
      expectProblem((d) => (event(d, CAPTURE).attributions[0].viaId = 'org:nobody'), (d) => [`${eventAt(CAPTURE)(d)} attributions[0]`, '"viaId"', '"org:nobody"']);
      expectProblem((d) => (event(d, CAPTURE).attributions[0].statementId = 'stmt:nothing'), (d) => [`${eventAt(CAPTURE)(d)} attributions[0]`, '"stmt:nothing"']);
      expectProblem((d) => (event(d, CAPTURE).attributions[0].sourceId = 'source:nowhere'), (d) => [`${eventAt(CAPTURE)(d)} attributions[0]`, '"source:nowhere"']);
    });

    it('are said on a real day, not after the source was published', () => {
      expectProblem((d) => (event(d, CAPTURE).attributions[0].saidOn = '2025-01-32'), (d) => [`${eventAt(CAPTURE)(d)} attributions[0]`, '"saidOn" "2025-01-32"']);
      expectProblem((d) => (event(d, CAPTURE).attributions[0].saidOn = '2025-01-07'), (d) => [`${eventAt(CAPTURE)(d)} attributions[0]`, 'after its source was published (2025-01-06)']);
    });

    it("agree with the statement they rest on: its speaker is the claimant, its medium the via, its source theirs", () => {
      expectProblem((d) => (event(d, CAPTURE).attributions[0].claimantId = 'org:deepstate'), (d) => [`${eventAt(CAPTURE)(d)} attributions[0]`, 'whose speaker is "org:russian-defense-ministry"']);
      expectProblem(
        (d) => (event(d, OFFENSIVE).attributions[2].viaId = 'org:defence-talks'),
        (d) => [`${eventAt(OFFENSIVE)(d)} attributions[2]`, 'reported via "org:reuters"'],
      );
      expectProblem(
        (d) => {
          d.sources.push({ id: 'source:another-report', title: 'Another report' });
          event(d, CAPTURE).attributions[0].sourceId = 'source:another-report';
        },
        (d) => [`${eventAt(CAPTURE)(d)} attributions[0]`, 'rests on "stmt:defense-ministry-captured-kurakhove"', 'but cites "source:another-report"'],
      );
    });

    it('do not name one party as both claimant and via', () => {
      expectProblem((d) => (event(d, CAPTURE).attributions[0].viaId = 'org:russian-defense-ministry'), (d) => [`${eventAt(CAPTURE)(d)} attributions[0]`, 'both claimant and via']);
    });

    it('are required, and not empty, on every relation but an event\'s participants and places', () => {
      expectProblem((d) => delete find(d.relations, 'rel:north-korea-allied-with-russia').attributions, (d) => [label(d, 'relations', 'rel:north-korea-allied-with-russia'), '"attributions"']);
      expectProblem((d) => (event(d, CAPTURE).attributions = []), (d) => [eventAt(CAPTURE)(d), 'non-empty array']);
    });
  });

  describe('statuses', () => {
    it('are derived: a status, claimedBy, date or sourceId on a relation with attributions is refused and says so', () => {
      for (const [field, value] of [['status', 'CLAIMED'], ['claimedBy', 'org:deepstate'], ['date', '2025-01-06'], ['sourceId', 'source:reuters-kursk-kurakhove-2025-01-06']]) {
        expectProblem((d) => (find(d.relations, CONTROL)[field!] = value), (d) => [label(d, 'relations', CONTROL), `"${field}", which is derived from its attributions`]);
      }
      expectProblem((d) => (event(d, CAPTURE).status = 'CLAIMED'), (d) => [eventAt(CAPTURE)(d), '"status", which is derived']);
    });

    it('of a legacy relation must be a known one', () => {
      expectProblem(
        (d) => {
          const r = find(d.relations, CONTROL);
          delete r.attributions;
          r.status = 'MAYBE';
        },
        (d) => [label(d, 'relations', CONTROL), 'status "MAYBE", which is not a legacy status'],
      );
    });
  });

  describe('times', () => {
    it('are partial dates of real months and days', () => {
      expectProblem((d) => (event(d, 'event:kursk-incursion').time.start = '2024-13'), (d) => [`${eventAt('event:kursk-incursion')(d)} time`, '"start" "2024-13"']);
      expectProblem((d) => (find(d.relations, CONTROL).time = { start: '6 January' }), (d) => [`${label(d, 'relations', CONTROL)} time`, '"6 January"']);
    });

    it('are ranges in order', () => {
      expectProblem((d) => (event(d, 'event:kursk-incursion').time.end = '2024-07'), (d) => [`${eventAt('event:kursk-incursion')(d)} time`, 'ends (2024-07) before it starts (2024-08)']);
    });
  });

  describe('event details', () => {
    it('have a known type', () => {
      expectProblem((d) => (event(d, CAPTURE).type = 'SIEGE'), (d) => [eventAt(CAPTURE)(d), 'type "SIEGE"']);
    });

    it('are on every EVENT and only on events', () => {
      expectProblem((d) => delete find(d.entities, CAPTURE).event, (d) => [label(d, 'entities', CAPTURE), 'is an EVENT but has no "event"']);
      expectProblem((d) => (find(d.entities, 'person:franz-stefan-gady').event = event(d, CAPTURE)), (d) => [label(d, 'entities', 'person:franz-stefan-gady'), 'only an EVENT has']);
    });

    it('have quantities with a known measure, numbers of at least 0 and bounds in order', () => {
      const q = (d: RawDataset) => event(d, OFFENSIVE).quantities[0];
      const at = (d: RawDataset) => `${eventAt(OFFENSIVE)(d)} quantities[0]`;
      expectProblem((d) => (q(d).measure = 'TANKS'), (d) => [at(d), 'measure "TANKS"']);
      expectProblem((d) => (q(d).min = -5), (d) => [at(d), 'min -5']);
      expectProblem((d) => Object.assign(q(d), { min: 1000, max: 200 }), (d) => [at(d), 'min 1000 above max 200']);
      expectProblem((d) => (q(d).value = 1200), (d) => [at(d), 'value 1200 above its max 999']);
      expectProblem((d) => (q(d).value = 100), (d) => [at(d), 'value 100 below its min 200']);
    });

    it('give an approximation only with a value, a unit where the measure needs one, and something to say', () => {
      const at = (d: RawDataset, i: number) => `${eventAt(OFFENSIVE)(d)} quantities[${i}]`;
      expectProblem((d) => (event(d, OFFENSIVE).quantities[0].approximation = 'APPROXIMATE'), (d) => [at(d, 0), 'no value for it to qualify']);
      expectProblem((d) => (event(d, OFFENSIVE).quantities[0].unit = 'soldiers'), (d) => [at(d, 0), 'TROOPS counts people and takes no unit']);
      expectProblem((d) => delete event(d, 'event:kurakhove-assaults').quantities[0].unit, (d) => [`${eventAt('event:kurakhove-assaults')(d)} quantities[0]`, 'DURATION needs one of days, weeks, months, years']);
      expectProblem((d) => event(d, OFFENSIVE).quantities.push({ measure: 'TROOPS' }), (d) => [at(d, 2), 'says nothing']);
    });
  });

  describe('locations', () => {
    it('are WGS84 degrees with a precision', () => {
      const at = (d: RawDataset) => `${label(d, 'entities', 'settlement:kurakhove')} location`;
      expectProblem((d) => (find(d.entities, 'settlement:kurakhove').location.latitude = 95), (d) => [at(d), 'latitude 95']);
      expectProblem((d) => (find(d.entities, 'settlement:kurakhove').location.longitude = -181), (d) => [at(d), 'longitude -181']);
      expectProblem((d) => (find(d.entities, 'settlement:kurakhove').location.precision = 'ROUGH'), (d) => [at(d), 'precision "ROUGH"']);
    });

    it('are only on places', () => {
      expectProblem(
        (d) => (find(d.entities, 'person:kaja-kallas').location = { latitude: 50.84, longitude: 4.38, precision: 'APPROXIMATE' }),
        (d) => [label(d, 'entities', 'person:kaja-kallas'), 'only places (COUNTRY, REGION, SETTLEMENT) have (it is a PERSON)'],
      );
    });
  });

  describe('participants', () => {
    const participant = (d: RawDataset) => d.relations.find((r) => r.type === 'PARTICIPATED_IN')!;
    it('have a participantRole from the vocabulary', () => {
      expectProblem((d) => delete participant(d).qualifiers, (d) => [label(d, 'relations', participant(d).id), 'no qualifiers.participantRole']);
      expectProblem((d) => (participant(d).qualifiers.participantRole = 'HERO'), (d) => [label(d, 'relations', participant(d).id), 'participantRole "HERO"']);
    });

    it('are the only relations with one', () => {
      const id = 'rel:alaudinov-commands-chechen-unit';
      expectProblem((d) => (find(d.relations, id).qualifiers.participantRole = 'COMMANDER'), (d) => [label(d, 'relations', id), 'only a PARTICIPATED_IN relation has']);
    });
  });

  describe('general knowledge', () => {
    const BACKGROUND = 'rel:pokrovsk-located-in-donetsk-region';
    const gk = (d: RawDataset) => find(d.relations, BACKGROUND).attributions[0];

    it("is the editors' own voice: no claimant, via, statement or day, and it only asserts", () => {
      expectProblem((d) => (gk(d).claimantId = 'org:deepstate'), (d) => [`${label(d, 'relations', BACKGROUND)} attributions[0]`, 'cites general knowledge', '"claimantId"']);
      expectProblem((d) => (gk(d).statementId = 'stmt:ukraine-holds-part-of-kursk'), (d) => [`${label(d, 'relations', BACKGROUND)} attributions[0]`, 'cites general knowledge', '"statementId"']);
      expectProblem((d) => (gk(d).saidOn = '2025-01-06'), (d) => [`${label(d, 'relations', BACKGROUND)} attributions[0]`, '"saidOn"']);
      expectProblem((d) => (gk(d).stance = 'DISPUTES'), (d) => [`${label(d, 'relations', BACKGROUND)} attributions[0]`, 'general knowledge only ASSERTS']);
    });

    it("carries none of a document's words when a fact rests on it alone", () => {
      expectProblem((d) => (find(d.relations, BACKGROUND).qualifiers = { wording: 'Pokrovsk' }), (d) => [label(d, 'relations', BACKGROUND), 'general knowledge alone', '"qualifiers.wording"']);
      expectProblem((d) => (find(d.relations, BACKGROUND).statementIds = ['stmt:ukraine-holds-part-of-kursk']), (d) => [label(d, 'relations', BACKGROUND), 'general knowledge alone', '"statementIds"']);
      expectProblem(
        (d) => (event(d, 'event:pokrovsk-assaults').attributions = [{ stance: 'ASSERTS', sourceId: 'source:general-knowledge' }]),
        (d) => [eventAt('event:pokrovsk-assaults')(d), 'general knowledge alone', '"time.text"'],
      );
    });

    it('is cited by any fact whose note calls it public or general knowledge', () => {
      const id = 'rel:kurakhove-located-in-donetsk-region';
      expectProblem((d) => (find(d.relations, id).qualifiers.note = 'Not stated in the article; public knowledge.'), (d) => [label(d, 'relations', id), 'no attribution cites a GENERAL_KNOWLEDGE source']);
      expectProblem(
        (d) => (find(d.relations, BACKGROUND).attributions = [{ stance: 'ASSERTS', sourceId: 'source:reuters-kursk-kurakhove-2025-01-06', note: 'Public knowledge.' }]),
        (d) => [label(d, 'relations', BACKGROUND), 'no attribution cites a GENERAL_KNOWLEDGE source'],
      );
    });

    it('has no statements, and is no document: no url or publication date', () => {
      const stmt = 'stmt:kursk-fighting-second-day';
      expectProblem((d) => (find(d.statements, stmt).sourceId = 'source:general-knowledge'), (d) => [label(d, 'statements', stmt), 'cite a DOCUMENT']);
      expectProblem((d) => (find(d.sources, 'source:general-knowledge').url = 'https://example.org'), (d) => [label(d, 'sources', 'source:general-knowledge'), 'no "url"']);
    });
  });
});
