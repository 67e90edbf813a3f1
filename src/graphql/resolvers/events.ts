/** Schema: `Event` (an entity and a fact) and `Participant`. */
import { isEventRecord } from '../../domain/claims.js';
import { PARTICIPANT_ROLE_NAMES, TOPIC_OF_EVENT_TYPE, type ParticipantRole } from '../../domain/index.js';
import type { RelationView } from '../../store/graph-store.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { relationFilterOfType } from '../relation-filter.js';
import { entityFields } from './entity.js';
import { evidenceOf, sourceOfFirst } from './facts.js';
import { loadExisting, related, relationsOf } from './lookups.js';

function roleOf(view: RelationView): ParticipantRole {
  const role = view.relation.qualifiers.participantRole;
  if (role === undefined) throw new Error(`PARTICIPATED_IN relation "${view.relation.id}" has no participantRole.`);
  return role;
}

/** By role (in ParticipantRole order), then the actor's id. */
const byRoleThenActor = (a: RelationView, b: RelationView) =>
  PARTICIPANT_ROLE_NAMES.indexOf(roleOf(a)) - PARTICIPANT_ROLE_NAMES.indexOf(roleOf(b)) ||
  (a.otherId < b.otherId ? -1 : a.otherId > b.otherId ? 1 : 0);

export const eventResolvers: Resolvers = {
  Event: {
    ...entityFields,
    eventType: (event) => event.event.type,
    time: (event) => event.event.time,
    quantities: (event) => [...event.event.quantities],
    status: (event) => event.event.status,
    attributions: (event) => [...event.event.attributions],
    source: (event, _args, ctx) => sourceOfFirst(ctx, event.event.attributions),
    evidence: (event, _args, ctx) => evidenceOf(ctx, event.event.attributions),
    topic: (event) => TOPIC_OF_EVENT_TYPE[event.event.type],
    participants: async (event, _args, ctx) =>
      [...(await relationsOf(ctx, event.id, relationFilterOfType('PARTICIPATED_IN'), 'IN'))].sort(byRoleThenActor),
    places: (event, _args, ctx) => related(ctx, event.id, 'TOOK_PLACE_IN', 'OUT'),
    partOf: async (event, _args, ctx) => (await related(ctx, event.id, 'PHASE_OF', 'OUT')).filter(isEventRecord),
    phases: async (event, _args, ctx) => (await related(ctx, event.id, 'PHASE_OF', 'IN')).filter(isEventRecord),
  },
  Participant: {
    role: (view) => roleOf(view),
    entity: async (view, _args, ctx) => (await loadExisting(ctx, [view.otherId]))[0]!,
    relation: (view) => view,
  },
};
