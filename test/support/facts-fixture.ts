/**
 * A small graph in the claims-model format, for the facts contract suite (test/contract/
 * facts-contract.test.ts) and any test that needs events, attributions, times and places. The
 * records are invented for tests (loosely after the seed's article); the suite's expected answers
 * are worked out from what is written here, so a change here means reworking them there.
 *
 * What it holds, so that every clause of every question has something to find:
 * - times of every precision: DAY (kursk-offensive, kursk-repulse, fighting-in, capture claim),
 *   MONTH (kurakhove-capture, controls, deployed-to), YEAR (north-korean-deployment, attacked),
 *   RANGE (the war, the casualties, suffered-losses), and undated (the pledge, the LOCATED_IN chain,
 *   NEAR, COMMANDS, PART_OF, PHASE_OF);
 * - every derived status: CONFIRMED (source's own voice, general knowledge), REPORTED (two parties
 *   assert), CLAIMED (one party), DISPUTED (asserted and disputed), UNVERIFIED (asserted, and
 *   somebody cannot verify), DENIED (denied only);
 * - attributions with claimant, via, statement, saidOn; event relations (PARTICIPATED_IN,
 *   TOOK_PLACE_IN) that inherit their event's attributions and time; a relation listing a
 *   statement in `statementIds` only;
 * - places with coordinates in a LOCATED_IN chain (settlement > region > country) and three without
 *   a location (settlement:berdin, country:russia, country:united-kingdom);
 * - a symmetric relation stored one way round (NEAR, Pokrovsk → Kurakhove);
 * - Cyrillic aliases.
 */
import { parseDataset, type Dataset } from '../../src/domain/index.js';

const WIRE = 'source:fixture-wire';
const MONITOR = 'source:fixture-monitor';
const GENERAL = 'source:general-knowledge';

/** The source's own voice asserting it: CONFIRMED. */
const ownVoice = (sourceId: string) => [{ stance: 'ASSERTS', sourceId }];
const place = (id: string, kind: string, name: string, aliases: string[], latitude?: number, longitude?: number) => ({
  id,
  kind,
  name,
  aliases,
  ...(latitude === undefined ? {} : { location: { latitude, longitude, precision: 'APPROXIMATE' } }),
});
const locatedIn = (from: string, to: string) => ({
  id: `rel:${from.split(':')[1]}-located-in-${to.split(':')[1]}`,
  type: 'LOCATED_IN',
  from,
  to,
  attributions: ownVoice(GENERAL),
});
/** An event's relation without attributions or time of its own: it takes the event's. */
const participant = (id: string, from: string, event: string, participantRole: string) => ({
  id,
  type: 'PARTICIPATED_IN',
  from,
  to: event,
  qualifiers: { participantRole },
});
const tookPlaceIn = (id: string, event: string, to: string, wording?: string) => ({
  id,
  type: 'TOOK_PLACE_IN',
  from: event,
  to,
  ...(wording === undefined ? {} : { qualifiers: { wording } }),
});

export const factsFixture: Dataset = parseDataset({
  sources: [
    { id: WIRE, title: 'Fixture wire story', publisher: 'Fixture Wire', published: '2025-01-06', url: 'https://example.org/wire', kind: 'DOCUMENT' },
    { id: MONITOR, title: 'Fixture monitor report', publisher: null, published: null, url: null },
    { id: GENERAL, title: 'General knowledge', kind: 'GENERAL_KNOWLEDGE' },
  ],
  entities: [
    // Places: the LOCATED_IN chains are kurakhove, pokrovsk, dachenske > donetsk > ukraine and
    // sudzha, berdin > kursk > russia.
    place('country:ukraine', 'COUNTRY', 'Ukraine', ['Україна'], 49.0, 31.4),
    place('country:russia', 'COUNTRY', 'Russia', ['Россия']),
    place('country:united-kingdom', 'COUNTRY', 'United Kingdom', ['UK']),
    place('region:donetsk', 'REGION', 'Donetsk region', ['Донецька область'], 48.0, 37.8),
    place('region:kursk', 'REGION', 'Kursk region', ['Курская область'], 51.7, 36.2),
    place('settlement:kurakhove', 'SETTLEMENT', 'Kurakhove', ['Курахове', 'Kurakhovo'], 47.98, 37.28),
    place('settlement:pokrovsk', 'SETTLEMENT', 'Pokrovsk', ['Покровськ'], 48.28, 37.18),
    place('settlement:dachenske', 'SETTLEMENT', 'Dachenske', ['Даченське'], 48.23, 37.02),
    place('settlement:sudzha', 'SETTLEMENT', 'Sudzha', ['Суджа'], 51.19, 35.27),
    place('settlement:berdin', 'SETTLEMENT', 'Berdin', ['Бердин']),
    // Actors.
    { id: 'person:apti-alaudinov', kind: 'PERSON', name: 'Apti Alaudinov', aliases: ['Апти Алаудинов'], description: 'Commander of the Chechen unit.' },
    { id: 'person:antony-blinken', kind: 'PERSON', name: 'Antony Blinken', aliases: ['Энтони Блинкен'] },
    { id: 'unit:chechen-unit', kind: 'UNIT', name: 'Chechen unit', aliases: [] },
    { id: 'unit:russian-armed-forces', kind: 'UNIT', name: 'Russian Armed Forces', aliases: ['Вооружённые силы России'] },
    { id: 'unit:khortytsia-group', kind: 'UNIT', name: 'Khortytsia group', aliases: ['Хортиця'] },
    { id: 'unit:north-korean-troops', kind: 'UNIT', name: 'North Korean troops', aliases: [] },
    { id: 'org:russian-defense-ministry', kind: 'ORGANIZATION', name: 'Russian Defence Ministry', aliases: ['Минобороны России'] },
    { id: 'org:deepstate', kind: 'ORGANIZATION', name: 'DeepState', aliases: [] },
    { id: 'org:reuters', kind: 'ORGANIZATION', name: 'Reuters', aliases: [] },
    // Events.
    {
      id: 'event:russia-ukraine-war',
      kind: 'EVENT',
      name: 'Russia-Ukraine war',
      aliases: [],
      event: { type: 'WAR', time: { start: '2022-02-24', end: '2025-01' }, attributions: ownVoice(GENERAL) },
    },
    {
      id: 'event:kursk-offensive',
      kind: 'EVENT',
      name: 'Kursk offensive',
      aliases: ['Курское наступление'],
      event: {
        type: 'OFFENSIVE',
        time: { start: '2025-01-05', text: 'on Sunday' },
        attributions: [
          { claimantId: 'org:russian-defense-ministry', stance: 'ASSERTS', saidOn: '2025-01-05', sourceId: WIRE },
          { claimantId: 'org:deepstate', stance: 'ASSERTS', sourceId: MONITOR },
        ],
      },
    },
    {
      id: 'event:kurakhove-capture',
      kind: 'EVENT',
      name: 'Capture of Kurakhove',
      aliases: [],
      event: {
        type: 'CAPTURE',
        time: { start: '2025-01' },
        attributions: [
          { claimantId: 'org:russian-defense-ministry', statementId: 'stmt:mod-kurakhove', stance: 'ASSERTS', saidOn: '2025-01-06', sourceId: WIRE },
          { claimantId: 'org:deepstate', statementId: 'stmt:deepstate-most-of', stance: 'DISPUTES', saidOn: '2025-01-06', sourceId: MONITOR },
        ],
      },
    },
    {
      id: 'event:kursk-repulse',
      kind: 'EVENT',
      name: 'Repulse near Berdin',
      aliases: [],
      event: {
        type: 'REPULSE',
        time: { start: '2025-01-06' },
        quantities: [{ measure: 'TROOPS', min: 200, max: 999, wording: 'several hundred Ukrainian troops' }],
        attributions: [{ claimantId: 'org:russian-defense-ministry', stance: 'ASSERTS', saidOn: '2025-01-06', sourceId: WIRE }],
      },
    },
    {
      id: 'event:north-korean-casualties',
      kind: 'EVENT',
      name: 'North Korean casualties in Kursk',
      aliases: [],
      event: {
        type: 'CASUALTIES',
        time: { start: '2024-10', end: '2025-01-06', text: 'since October' },
        quantities: [{ measure: 'CASUALTIES', value: 1000, approximation: 'MORE_THAN', wording: 'over 1,000' }],
        attributions: [
          {
            claimantId: 'person:antony-blinken',
            viaId: 'org:reuters',
            statementId: 'stmt:blinken-losses',
            stance: 'ASSERTS',
            saidOn: '2025-01-06',
            sourceId: WIRE,
          },
          { claimantId: 'org:reuters', stance: 'CANNOT_VERIFY', sourceId: WIRE, note: 'Reuters could not verify it.' },
        ],
      },
    },
    {
      id: 'event:north-korean-deployment',
      kind: 'EVENT',
      name: 'North Korean deployment to Kursk',
      aliases: [],
      event: {
        type: 'DEPLOYMENT',
        time: { start: '2024' },
        quantities: [{ measure: 'TROOPS', value: 11000, approximation: 'APPROXIMATE' }],
        attributions: [
          { claimantId: 'country:ukraine', stance: 'ASSERTS', sourceId: WIRE },
          { claimantId: 'person:antony-blinken', stance: 'ASSERTS', sourceId: WIRE },
        ],
      },
    },
    {
      id: 'event:uk-pledge',
      kind: 'EVENT',
      name: 'UK pledge',
      aliases: [],
      event: { type: 'PLEDGE', attributions: [{ claimantId: 'country:ukraine', stance: 'ASSERTS', sourceId: WIRE }] },
    },
  ],
  relations: [
    locatedIn('settlement:berdin', 'region:kursk'),
    locatedIn('settlement:dachenske', 'region:donetsk'),
    locatedIn('region:donetsk', 'country:ukraine'),
    locatedIn('settlement:kurakhove', 'region:donetsk'),
    locatedIn('region:kursk', 'country:russia'),
    locatedIn('settlement:pokrovsk', 'region:donetsk'),
    locatedIn('settlement:sudzha', 'region:kursk'),
    // Symmetric, stored from Pokrovsk: it reads the same from Kurakhove.
    {
      id: 'rel:pokrovsk-near-kurakhove',
      type: 'NEAR',
      from: 'settlement:pokrovsk',
      to: 'settlement:kurakhove',
      attributions: ownVoice(WIRE),
      qualifiers: { distanceKm: 32, approximation: 'APPROXIMATE' },
    },
    {
      id: 'rel:alaudinov-commands-chechen-unit',
      type: 'COMMANDS',
      from: 'person:apti-alaudinov',
      to: 'unit:chechen-unit',
      attributions: ownVoice(WIRE),
      // Rests on the statement without an attribution that names it.
      statementIds: ['stmt:alaudinov-kursk'],
    },
    {
      id: 'rel:chechen-unit-part-of-russian-armed-forces',
      type: 'PART_OF',
      from: 'unit:chechen-unit',
      to: 'unit:russian-armed-forces',
      attributions: ownVoice(GENERAL),
    },
    {
      id: 'rel:chechen-unit-fighting-in-kursk',
      type: 'FIGHTING_IN',
      from: 'unit:chechen-unit',
      to: 'region:kursk',
      time: { start: '2025-01-05' },
      attributions: [
        { claimantId: 'person:apti-alaudinov', statementId: 'stmt:alaudinov-kursk', stance: 'ASSERTS', saidOn: '2025-01-05', sourceId: WIRE },
      ],
    },
    {
      id: 'rel:russian-armed-forces-claimed-capture-of-kurakhove',
      type: 'CLAIMED_CAPTURE_OF',
      from: 'unit:russian-armed-forces',
      to: 'settlement:kurakhove',
      time: { start: '2025-01-06' },
      attributions: [
        { claimantId: 'org:russian-defense-ministry', statementId: 'stmt:mod-kurakhove', stance: 'ASSERTS', saidOn: '2025-01-06', sourceId: WIRE },
      ],
    },
    {
      id: 'rel:russian-armed-forces-controls-kurakhove',
      type: 'CONTROLS',
      from: 'unit:russian-armed-forces',
      to: 'settlement:kurakhove',
      time: { start: '2025-01' },
      attributions: [
        { claimantId: 'org:deepstate', statementId: 'stmt:deepstate-most-of', stance: 'ASSERTS', saidOn: '2025-01-06', sourceId: MONITOR },
        { claimantId: 'unit:khortytsia-group', statementId: 'stmt:khortytsia-assaults', stance: 'ASSERTS', sourceId: WIRE },
      ],
      qualifiers: { extent: 'most of' },
    },
    {
      id: 'rel:russian-armed-forces-attacked-pokrovsk',
      type: 'ATTACKED',
      from: 'unit:russian-armed-forces',
      to: 'settlement:pokrovsk',
      time: { start: '2024' },
      attributions: [
        { claimantId: 'org:russian-defense-ministry', stance: 'ASSERTS', sourceId: WIRE },
        { claimantId: 'org:deepstate', stance: 'DISPUTES', saidOn: '2024-12-20', sourceId: MONITOR },
      ],
    },
    {
      id: 'rel:north-korean-troops-suffered-losses-in-kursk',
      type: 'SUFFERED_LOSSES_IN',
      from: 'unit:north-korean-troops',
      to: 'region:kursk',
      time: { start: '2024-10', end: '2025-01-06' },
      attributions: [
        {
          claimantId: 'person:antony-blinken',
          viaId: 'org:reuters',
          statementId: 'stmt:blinken-losses',
          stance: 'ASSERTS',
          saidOn: '2025-01-06',
          sourceId: WIRE,
        },
        { claimantId: 'org:reuters', stance: 'CANNOT_VERIFY', sourceId: WIRE },
      ],
      qualifiers: { casualtyCount: 1000, approximation: 'MORE_THAN' },
    },
    {
      id: 'rel:north-korean-troops-deployed-to-sudzha',
      type: 'DEPLOYED_TO',
      from: 'unit:north-korean-troops',
      to: 'settlement:sudzha',
      time: { start: '2024-12' },
      attributions: [
        { claimantId: 'country:russia', statementId: 'stmt:russia-denies', stance: 'DENIES', saidOn: '2024-12-10', sourceId: WIRE },
      ],
    },
    {
      id: 'rel:kursk-offensive-phase-of-russia-ukraine-war',
      type: 'PHASE_OF',
      from: 'event:kursk-offensive',
      to: 'event:russia-ukraine-war',
      // Explicitly undated: without it the relation would take the war's time.
      time: null,
      attributions: ownVoice(GENERAL),
    },
    // The events' own relations: attributions and time from their event.
    participant('rel:russia-participated-in-war', 'country:russia', 'event:russia-ukraine-war', 'ATTACKER'),
    participant('rel:ukraine-participated-in-war', 'country:ukraine', 'event:russia-ukraine-war', 'DEFENDER'),
    tookPlaceIn('rel:war-took-place-in-ukraine', 'event:russia-ukraine-war', 'country:ukraine'),
    participant('rel:ukraine-participated-in-kursk-offensive', 'country:ukraine', 'event:kursk-offensive', 'ATTACKER'),
    tookPlaceIn('rel:kursk-offensive-took-place-in-kursk', 'event:kursk-offensive', 'region:kursk'),
    participant('rel:russian-armed-forces-participated-in-kurakhove-capture', 'unit:russian-armed-forces', 'event:kurakhove-capture', 'ATTACKER'),
    tookPlaceIn('rel:kurakhove-capture-took-place-in-kurakhove', 'event:kurakhove-capture', 'settlement:kurakhove'),
    participant('rel:russian-armed-forces-participated-in-kursk-repulse', 'unit:russian-armed-forces', 'event:kursk-repulse', 'DEFENDER'),
    participant('rel:ukraine-participated-in-kursk-repulse', 'country:ukraine', 'event:kursk-repulse', 'ATTACKER'),
    tookPlaceIn('rel:kursk-repulse-took-place-in-berdin', 'event:kursk-repulse', 'settlement:berdin', 'near the settlement of Berdin'),
    participant('rel:north-korean-troops-participated-in-casualties', 'unit:north-korean-troops', 'event:north-korean-casualties', 'CASUALTY'),
    tookPlaceIn('rel:casualties-took-place-in-kursk', 'event:north-korean-casualties', 'region:kursk'),
    participant('rel:north-korean-troops-participated-in-deployment', 'unit:north-korean-troops', 'event:north-korean-deployment', 'DEPLOYED_FORCE'),
    participant('rel:russia-participated-in-deployment', 'country:russia', 'event:north-korean-deployment', 'BENEFICIARY'),
    tookPlaceIn('rel:deployment-took-place-in-kursk', 'event:north-korean-deployment', 'region:kursk'),
    participant('rel:united-kingdom-participated-in-pledge', 'country:united-kingdom', 'event:uk-pledge', 'PLEDGER'),
    participant('rel:ukraine-participated-in-pledge', 'country:ukraine', 'event:uk-pledge', 'RECIPIENT'),
  ],
  statements: [
    {
      id: 'stmt:mod-kurakhove', kind: 'QUOTE', text: 'Fixture quote: Kurakhove has been liberated.', date: '2025-01-06',
      speakerId: 'org:russian-defense-ministry', aboutIds: ['settlement:kurakhove'], sourceId: WIRE, status: 'CLAIMED',
    },
    {
      id: 'stmt:deepstate-most-of', kind: 'REPORTED', text: 'Fixture report: most of Kurakhove is held by Russian forces.', date: '2025-01-06',
      speakerId: 'org:deepstate', aboutIds: ['settlement:kurakhove', 'unit:russian-armed-forces'], sourceId: MONITOR, status: 'REPORTED',
    },
    {
      id: 'stmt:blinken-losses', kind: 'REPORTED', text: 'Fixture report: over 1,000 North Korean troops killed or injured.', date: '2025-01-06',
      speakerId: 'person:antony-blinken', aboutIds: ['unit:north-korean-troops', 'region:kursk'], sourceId: WIRE, status: 'UNVERIFIED',
      reportedViaId: 'org:reuters',
    },
    {
      id: 'stmt:alaudinov-kursk', kind: 'QUOTE', text: 'Fixture quote: our unit is fighting in Kursk.', date: '2025-01-05',
      speakerId: 'person:apti-alaudinov', aboutIds: ['region:kursk', 'unit:chechen-unit'], sourceId: WIRE, status: 'CLAIMED',
    },
    {
      id: 'stmt:khortytsia-assaults', kind: 'REPORTED', text: 'Fixture report: assaults on Kurakhove go on.',
      speakerId: 'unit:khortytsia-group', aboutIds: ['settlement:kurakhove'], sourceId: WIRE, status: 'REPORTED',
    },
    {
      id: 'stmt:russia-denies', kind: 'REPORTED', text: 'Fixture report: no North Korean troops are in Sudzha.', date: '2024-12-10',
      speakerId: 'country:russia', aboutIds: ['unit:north-korean-troops', 'settlement:sudzha'], sourceId: WIRE, status: 'DENIED',
    },
  ],
});
