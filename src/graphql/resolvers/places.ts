/** Schema: `Country`, `Region`, `Settlement`: where places lie, what lies in them, what happened there. */
import { badInput, checkId, checkRadiusKm, type EntityRecord } from '../../domain/index.js';
import type { GraphContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { relationFilterOfType } from '../relation-filter.js';
import { listTooLong } from '../list-limit.js';
import { entityFields } from './entity.js';
import { firstRelated, related, relationsOf, requireEntity } from './lookups.js';

/** The fields every place has. */
const placeFields = {
  ...entityFields,
  location: (place: EntityRecord) => place.location,
  within: (place: EntityRecord, _args: unknown, ctx: GraphContext) => ctx.loaders.placesContaining.load(place.id),
  events: (place: EntityRecord, _args: unknown, ctx: GraphContext) => ctx.loaders.eventsInPlace.load(place.id),
};

export const placeResolvers: Resolvers = {
  Query: {
    near: async (_root, { placeId, km }, ctx) => {
      const id = checkId('placeId', placeId);
      const radius = checkRadiusKm(km);
      const place = await requireEntity(ctx, 'placeId', id);
      // A list longer than MAX_LIST_LENGTH is refused: the store counts it rather than reading it.
      const nearby = await ctx.store.near(place.id, { km: radius, maxItems: ctx.maxListLength }, ctx.read);
      if (nearby === null) {
        throw badInput(`"${place.id}" has no coordinates, so nothing can be near it (argument "placeId").`, { argument: 'placeId' });
      }
      if ('tooManyItems' in nearby) throw listTooLong('Query.near', nearby.count, ctx.maxListLength);
      return [...nearby];
    },
  },
  Country: {
    ...placeFields,
    regions: (country, _args, ctx) => related(ctx, country.id, 'LOCATED_IN', 'IN', 'REGION'),
    allies: (country, _args, ctx) => related(ctx, country.id, 'ALLIED_WITH', 'BOTH'),
  },
  Region: {
    ...placeFields,
    country: (region, _args, ctx) => firstRelated(ctx, region.id, 'LOCATED_IN', 'OUT', 'COUNTRY'),
    settlements: (region, _args, ctx) => related(ctx, region.id, 'LOCATED_IN', 'IN', 'SETTLEMENT'),
  },
  Settlement: {
    ...placeFields,
    region: (place, _args, ctx) => firstRelated(ctx, place.id, 'LOCATED_IN', 'OUT', 'REGION'),
    country: async (place, _args, ctx) => {
      const direct = await firstRelated(ctx, place.id, 'LOCATED_IN', 'OUT', 'COUNTRY');
      if (direct) return direct;
      const region = await firstRelated(ctx, place.id, 'LOCATED_IN', 'OUT', 'REGION');
      return region ? firstRelated(ctx, region.id, 'LOCATED_IN', 'OUT', 'COUNTRY') : null;
    },
    nearby: (place, _args, ctx) => relationsOf(ctx, place.id, relationFilterOfType('NEAR'), 'BOTH'),
  },
  NearbyPlace: {
    place: (nearby) => nearby.place,
    distanceKm: (nearby) => nearby.distanceKm,
  },
};
