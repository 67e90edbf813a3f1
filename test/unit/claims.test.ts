/**
 * Grouping the facts about an entity by the question they answer (src/domain/claims.ts): which
 * facts count, in which group, and in which order facts and claims come.
 */
import { describe, expect, it } from 'vitest';
import { factsAbout, groupClaims, type EventRecord } from '../../src/domain/claims.js';
import type { Attribution, EntityRecord, RelationRecord, RelationType, TimeSpan } from '../../src/domain/index.js';

const said = (claimantId: string | null, saidOn: string | null = null, stance: Attribution['stance'] = 'ASSERTS'): Attribution => ({
  claimantId,
  viaId: null,
  statementId: null,
  stance,
  saidOn,
  sourceId: 'source:s',
  note: null,
});
const time = (start: string, end: string | null = null): TimeSpan => ({ start, end, text: null });

function relation(id: string, type: RelationType, from: string, to: string, attributions: readonly Attribution[], when: TimeSpan | null = null): RelationRecord {
  return { id, type, from, to, time: when, attributions, status: 'CLAIMED', claimedBy: null, date: null, sourceId: 'source:s', statementIds: [], qualifiers: {} };
}
function event(id: string, type: EventRecord['event']['type'], attributions: readonly Attribution[], when: TimeSpan | null = null): EventRecord {
  return {
    id,
    kind: 'EVENT',
    name: id,
    aliases: [],
    description: null,
    location: null,
    event: { type, time: when, quantities: [], attributions, status: 'CLAIMED' },
  };
}
const place: EntityRecord = { id: 'settlement:k', kind: 'SETTLEMENT', name: 'K', aliases: [], description: null, location: null, event: null };

const capture = event('event:capture', 'CAPTURE', [said('org:ministry', '2025-01-06')], time('2025-01-06'));
const assaults = event('event:assaults', 'ASSAULT', [said('unit:khortytsia', '2025-01-06')], time('2024-12'));
const controls = relation('rel:controls', 'CONTROLS', 'unit:army', 'settlement:k', [said('org:deepstate'), said('org:ministry', '2025-01-05')], time('2025-01-06'));
const located = relation('rel:located', 'LOCATED_IN', 'settlement:k', 'region:d', [said(null)]);
const tookPlace = relation('rel:capture-in-k', 'TOOK_PLACE_IN', 'event:capture', 'settlement:k', capture.event.attributions);

describe('the facts about an entity', () => {
  it('are its relations and the events tied to it, the ties themselves standing as their events', () => {
    const facts = factsAbout(place, [controls, located, tookPlace], [capture]);
    expect(facts.map((f) => f.id)).toEqual(['rel:controls', 'rel:located', 'event:capture']);
  });

  it('include an event itself, with its own ties, when the entity is an event', () => {
    const participation = relation('rel:army-in-capture', 'PARTICIPATED_IN', 'unit:army', 'event:capture', capture.event.attributions);
    const facts = factsAbout(capture, [participation, tookPlace], []);
    expect(facts.map((f) => f.id)).toEqual(['event:capture', 'rel:army-in-capture', 'rel:capture-in-k']);
  });
});

describe('grouping claims', () => {
  const facts = [located, capture, controls, assaults];

  it('puts groups in ClaimTopic order and leaves empty ones out', () => {
    const groups = groupClaims(facts, { topics: null, claimantIds: null });
    expect(groups.map((g) => g.topic)).toEqual(['CONTROL', 'GEOGRAPHY']);
  });

  it('orders facts by time (undated last), then id, and claims by the day said (unknown last), then fact id, then attribution order', () => {
    const undated = event('event:defence', 'DEFENCE', [said('unit:khortytsia')]);
    const [control] = groupClaims([...facts, undated], { topics: ['CONTROL'], claimantIds: null });
    expect(control!.facts.map((f) => f.id)).toEqual(['event:assaults', 'event:capture', 'rel:controls', 'event:defence']);
    expect(control!.claims.map((c) => [c.fact.id, c.attribution.claimantId])).toEqual([
      ['rel:controls', 'org:ministry'],
      ['event:assaults', 'unit:khortytsia'],
      ['event:capture', 'org:ministry'],
      ['event:defence', 'unit:khortytsia'],
      ['rel:controls', 'org:deepstate'],
    ]);
  });

  it('keeps one claim per attribution, whatever its stance', () => {
    const disputed = event('event:disputed', 'CAPTURE', [said('org:ministry', '2025-01-06'), said('country:ukraine', '2025-01-06', 'DENIES')]);
    const [control] = groupClaims([disputed], { topics: null, claimantIds: null });
    expect(control!.claims.map((c) => [c.attribution.claimantId, c.attribution.stance, c.attributionIndex])).toEqual([
      ['org:ministry', 'ASSERTS', 0],
      ['country:ukraine', 'DENIES', 1],
    ]);
  });

  it('keeps only the claims of the parties asked for, and the facts they speak to', () => {
    const groups = groupClaims(facts, { topics: null, claimantIds: ['org:ministry'] });
    expect(groups.map((g) => g.topic)).toEqual(['CONTROL']);
    expect(groups[0]!.facts.map((f) => f.id)).toEqual(['event:capture', 'rel:controls']);
    expect(groups[0]!.claims.map((c) => c.attribution.claimantId)).toEqual(['org:ministry', 'org:ministry']);
  });

  it('keeps only the topics asked for', () => {
    expect(groupClaims(facts, { topics: ['GEOGRAPHY'], claimantIds: null }).map((g) => g.topic)).toEqual(['GEOGRAPHY']);
    expect(groupClaims(facts, { topics: ['CASUALTIES'], claimantIds: null })).toEqual([]);
  });
});
