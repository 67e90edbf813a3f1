/**
 * Schema: `Mutation`. Each resolver hands its input, as the dataset file would write it, and its
 * idempotency key to the write service (src/writes/), which checks the viewer's role and the
 * dataset's rules and commits what it wrote with the record of the change; then the request's
 * caches forget the records it changed.
 */
import { checkRelationTypes, present as withoutNulls, type AttributionFile, type EntityFile, type QuantityFile, type TimeSpanFile } from '../../domain/index.js';
import { WriteService } from '../../writes/write-service.js';
import type { GraphContext } from '../context.js';
import type {
  AttributionInput,
  EventInput,
  GeoPointInput,
  QualifiersInput,
  Resolvers,
  TimeSpanInput,
} from '../generated/resolvers-types.js';

export const writes = (ctx: GraphContext) => new WriteService(ctx.store, ctx.read);

/** GraphQL keeps the nulls a client sends; the file format leaves such fields out. */
const present = <T extends object>(value: T) => withoutNulls(value) as { [K in keyof T]: Exclude<T[K], null> };

const time = (t: TimeSpanInput | null | undefined): TimeSpanFile | undefined => (t ? present(t) : undefined);
const attribution = (a: AttributionInput): AttributionFile => present(a);
const location = (l: GeoPointInput) => ({ latitude: l.latitude, longitude: l.longitude, precision: l.precision ?? 'APPROXIMATE' });
const event = (e: EventInput): NonNullable<EntityFile['event']> => ({
  type: e.type,
  ...(e.time ? { time: time(e.time) } : {}),
  ...(e.quantities ? { quantities: e.quantities.map((q) => present(q) as QuantityFile) } : {}),
  attributions: e.attributions.map(attribution),
});
const qualifiers = (q: QualifiersInput) => present(q);

/** Forget what a write changed, so the rest of the request reads it fresh. */
export function forget(ctx: GraphContext, ids: readonly string[]): void {
  for (const id of ids) {
    ctx.loaders.entity.clear(id);
    ctx.loaders.statement.clear(id);
    ctx.loaders.source.clear(id);
  }
  ctx.loaders.relations.clearAll();
  ctx.loaders.statementsBySpeaker.clearAll();
  ctx.loaders.statementsAbout.clearAll();
  ctx.loaders.statementsFromSource.clearAll();
}

export const mutationResolvers: Resolvers = {
  Mutation: {
    createEntity: async (_root, { input, idempotencyKey }, ctx) => {
      const written = await writes(ctx).createEntity(ctx.viewer, {
        ...present({ id: input.id, description: input.description }),
        kind: input.kind,
        name: input.name,
        aliases: input.aliases ?? [],
        ...(input.location ? { location: location(input.location) } : {}),
        ...(input.event ? { event: event(input.event) } : {}),
      }, { idempotencyKey });
      forget(ctx, [written.id]);
      return written;
    },
    updateEntity: async (_root, { id, input, idempotencyKey }, ctx) => {
      const written = await writes(ctx).updateEntity(ctx.viewer, id, {
        ...(input.name != null ? { name: input.name } : {}),
        ...(input.aliases != null ? { aliases: input.aliases } : {}),
        ...('description' in input ? { description: input.description ?? null } : {}),
        ...('location' in input ? { location: input.location ? location(input.location) : null } : {}),
      }, { idempotencyKey });
      forget(ctx, [written.id]);
      return written;
    },
    addRelation: async (_root, { input, idempotencyKey }, ctx) => {
      const [type] = checkRelationTypes([input.type], 'input.type')!;
      const written = await writes(ctx).addRelation(ctx.viewer, {
        ...present({ id: input.id }),
        type: type!,
        from: input.fromId,
        to: input.toId,
        ...(input.time ? { time: time(input.time) } : {}),
        ...(input.attributions ? { attributions: input.attributions.map(attribution) } : {}),
        ...(input.statementIds ? { statementIds: [...input.statementIds] } : {}),
        ...(input.qualifiers ? { qualifiers: qualifiers(input.qualifiers) } : {}),
      }, { idempotencyKey });
      forget(ctx, [written.from, written.to]);
      return written;
    },
    addAttribution: async (_root, { factId, input, idempotencyKey }, ctx) => {
      const written = await writes(ctx).addAttribution(ctx.viewer, factId, attribution(input), { idempotencyKey });
      forget(ctx, 'from' in written ? [written.from, written.to] : [written.id]);
      return written;
    },
    addStatement: async (_root, { input, idempotencyKey }, ctx) => {
      const written = await writes(ctx).addStatement(ctx.viewer, {
        ...present({ id: input.id, date: input.date, speakerId: input.speakerId, reportedViaId: input.reportedViaId }),
        kind: input.kind,
        text: input.text,
        aboutIds: [...input.aboutIds],
        sourceId: input.sourceId,
        status: input.status,
      }, { idempotencyKey });
      forget(ctx, [written.id, ...(written.speakerId ? [written.speakerId] : []), ...written.aboutIds]);
      return written;
    },
    addSource: async (_root, { input, idempotencyKey }, ctx) => {
      const written = await writes(ctx).addSource(ctx.viewer, {
        ...present({ id: input.id, publisher: input.publisher, published: input.published, url: input.url }),
        title: input.title,
        ...(input.kind && input.kind !== 'DOCUMENT' ? { kind: input.kind } : {}),
      }, { idempotencyKey });
      forget(ctx, [written.id]);
      return written;
    },
    addEvent: async (_root, { input, idempotencyKey }, ctx) => {
      const participants = (input.participants ?? []).map((p) => ({ entityId: p.entityId, role: p.role }));
      const written = await writes(ctx).addEvent(ctx.viewer, {
        ...present({ id: input.id, description: input.description }),
        name: input.name,
        aliases: input.aliases ?? [],
        event: event(input.event),
        participants,
        placeIds: [...(input.placeIds ?? [])],
      }, { idempotencyKey });
      forget(ctx, [written.id, ...participants.map((p) => p.entityId), ...(input.placeIds ?? [])]);
      return written;
    },
    updateRelation: async (_root, { id, input, idempotencyKey }, ctx) => {
      const written = await writes(ctx).updateRelation(ctx.viewer, id, {
        ...('time' in input ? { time: time(input.time) ?? null } : {}),
        ...('qualifiers' in input ? { qualifiers: input.qualifiers ? qualifiers(input.qualifiers) : null } : {}),
        ...('statementIds' in input ? { statementIds: input.statementIds ? [...input.statementIds] : null } : {}),
      }, { idempotencyKey });
      forget(ctx, [written.from, written.to]);
      return written;
    },
    updateStatement: async (_root, { id, input, idempotencyKey }, ctx) => {
      const written = await writes(ctx).updateStatement(ctx.viewer, id, {
        ...(input.kind != null ? { kind: input.kind } : {}),
        ...(input.text != null ? { text: input.text } : {}),
        ...(input.aboutIds != null ? { aboutIds: [...input.aboutIds] } : {}),
        ...(input.sourceId != null ? { sourceId: input.sourceId } : {}),
        ...(input.status != null ? { status: input.status } : {}),
        ...('date' in input ? { date: input.date ?? null } : {}),
        ...('speakerId' in input ? { speakerId: input.speakerId ?? null } : {}),
        ...('reportedViaId' in input ? { reportedViaId: input.reportedViaId ?? null } : {}),
      }, { idempotencyKey });
      forget(ctx, [written.id]);
      return written;
    },
    updateSource: async (_root, { id, input, idempotencyKey }, ctx) => {
      const written = await writes(ctx).updateSource(ctx.viewer, id, {
        ...(input.title != null ? { title: input.title } : {}),
        ...('publisher' in input ? { publisher: input.publisher ?? null } : {}),
        ...('published' in input ? { published: input.published ?? null } : {}),
        ...('url' in input ? { url: input.url ?? null } : {}),
      }, { idempotencyKey });
      forget(ctx, [written.id]);
      return written;
    },
  },
};
