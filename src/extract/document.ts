/**
 * One article as the readers see it: its text, sentences, the entities it names (known and new),
 * its dates and numbers; and the register of the entities it introduces, which gives each a
 * well-formed id no other record has.
 */
import { ID_PREFIX_BY_KIND, type EntityKind } from '../domain/vocabulary.js';
import type { DateMention } from './dates.js';
import type { Gazetteer, Mention } from './gazetteer.js';
import type { NewName } from './new-names.js';
import type { NumberMention } from './numbers.js';
import type { Sentence } from './text.js';
import { nameKey, slugOf } from './transliterate.js';

/** A mention of an actor or place, known or new, with the id it stands for. */
export interface Actor {
  readonly id: string;
  readonly kind: EntityKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Evidence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

export interface NewEntity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly reason: string;
  readonly evidence: Evidence;
}

/** The entities an article introduces; one per name and kind. */
export class NewEntities {
  private readonly byKey = new Map<string, NewEntity>();
  constructor(private readonly takenIds: ReadonlySet<string>) {}

  add(name: string, kind: EntityKind, reason: string, evidence: Evidence): NewEntity {
    const key = `${kind} ${nameKey(name)}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const base = `${ID_PREFIX_BY_KIND[kind]}:${slugOf(name.replace(/^unnamed\s+/i, ''))}`;
    let id = base;
    for (let n = 2; this.takenIds.has(id) || [...this.byKey.values()].some((e) => e.id === id); n++) id = `${base}-${n}`;
    const entity = { id, kind, name, reason, evidence };
    this.byKey.set(key, entity);
    return entity;
  }

  list(): NewEntity[] {
    return [...this.byKey.values()];
  }
}

export interface ArticleDocument {
  readonly text: string;
  readonly published: string;
  readonly sentences: readonly Sentence[];
  readonly gazetteer: Gazetteer;
  /** Known entities named in the text, in order. */
  readonly mentions: readonly Mention[];
  /** Names the graph does not know, each registered as a new entity. */
  readonly newNames: readonly (NewName & { id: string })[];
  readonly dates: readonly DateMention[];
  readonly numbers: readonly NumberMention[];
  readonly newEntities: NewEntities;
}

/** Every actor or place named in [start, end), known or new, in order; nested names left out. */
export function actorsIn(doc: ArticleDocument, start: number, end: number): Actor[] {
  const known: Actor[] = doc.mentions
    .filter((m) => !m.nested && m.start >= start && m.end <= end)
    .map((m) => ({ id: m.entityId, kind: m.kind, start: m.start, end: m.end, text: m.text }));
  const fresh: Actor[] = doc.newNames
    .filter((n) => n.start >= start && n.end <= end)
    .map((n) => ({ id: n.id, kind: n.kind, start: n.start, end: n.end, text: n.text }));
  return [...known, ...fresh].sort((a, b) => a.start - b.start);
}

export function sentenceOf(doc: ArticleDocument, at: number): Sentence | undefined {
  return doc.sentences.find((s) => s.start <= at && at < s.end);
}
