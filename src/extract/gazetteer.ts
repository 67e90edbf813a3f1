/**
 * The graph's own names as a gazetteer: every name, alias and transliteration of the entities it
 * holds, found in the text and linked to the entity. "The ministry" links to the one ministry the
 * text has named before; a spelling in the other alphabet links
 * through the loose name key.
 */
import type { EntityRecord } from '../domain/model.js';
import type { EntityKind } from '../domain/vocabulary.js';
import { nameKey } from './transliterate.js';

export type LinkMethod = 'NAME' | 'ALIAS' | 'SHORT_FORM' | 'TRANSLITERATION';

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly entityId: string;
  readonly kind: EntityKind;
  readonly how: LinkMethod;
  readonly confidence: number;
  /** Inside a longer name ("North Korea" in "troops from North Korea"): counted, but not a subject. */
  readonly nested?: boolean;
}

interface Entry {
  readonly surface: string;
  readonly entity: EntityRecord;
  readonly how: 'NAME' | 'ALIAS';
  readonly pattern: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}])';

/** Names that read as ordinary words in lower case ("us", "rf") match only as written. */
function matchesCaseSensitively(surface: string): boolean {
  return !/\s/.test(surface.trim()) || surface === surface.toUpperCase();
}

/** "Unnamed senior Ukrainian official" is the graph's label for someone the text does not name. */
const UNNAMED = /^unnamed\s+/i;

/** Irregular adjectives of country names; the regular ones (Russia → Russian) are derived. */
const IRREGULAR_DEMONYMS: Record<string, string[]> = {
  'United States': ['American', 'U.S.', 'US'],
  'United Kingdom': ['British', 'UK', 'U.K.'],
  France: ['French'],
  Germany: ['German'],
  China: ['Chinese'],
  Israel: ['Israeli'],
  Lebanon: ['Lebanese'],
  Poland: ['Polish'],
  Turkey: ['Turkish'],
};

function regularDemonym(name: string): string | null {
  if (/a$/.test(name)) return `${name}n`; // Russia → Russian, North Korea → North Korean
  if (/e$/.test(name)) return `${name.slice(0, -1)}ian`; // Ukraine → Ukrainian
  if (/y$/.test(name)) return `${name.slice(0, -1)}ian`; // Hungary → Hungarian
  return null;
}

export class Gazetteer {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Set<string>>();
  readonly byId = new Map<string, EntityRecord>();
  /** "Russian" → country:russia, from the countries the graph holds. */
  readonly demonyms = new Map<string, string>();

  constructor(entities: readonly EntityRecord[]) {
    for (const entity of entities) {
      if (entity.kind === 'EVENT') continue; // events are recognised by what happens, not by name
      this.byId.set(entity.id, entity);
      const surfaces: [string, 'NAME' | 'ALIAS'][] = [
        [entity.name.replace(UNNAMED, ''), 'NAME'],
        ...entity.aliases.map((a) => [a, 'ALIAS'] as [string, 'ALIAS']),
      ];
      for (const [surface, how] of surfaces) {
        if (surface.trim().length < 2) continue;
        const body = escape(surface.trim()).replace(/\s+/g, '\\s+').replace(/[’']/g, "['’]");
        const flags = matchesCaseSensitively(surface) ? 'gu' : 'giu';
        this.entries.push({ surface, entity, how, pattern: new RegExp(`${LETTER_BEFORE}${body}${LETTER_AFTER}`, flags) });
        const key = nameKey(surface);
        if (key.length >= 4) this.byKey.set(key, (this.byKey.get(key) ?? new Set()).add(entity.id));
      }
      if (entity.kind === 'COUNTRY') {
        const adjectives = [regularDemonym(entity.name), ...(IRREGULAR_DEMONYMS[entity.name] ?? [])];
        for (const adjective of adjectives) if (adjective) this.demonyms.set(adjective, entity.id);
      }
    }
  }

  entity(id: string): EntityRecord | undefined {
    return this.byId.get(id);
  }

  /** The one entity with this exact name or alias (any case), if any. */
  lookup(surface: string): EntityRecord | undefined {
    const wanted = surface.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[’]/g, "'");
    const hits = new Set(
      this.entries.filter((e) => e.surface.toLowerCase().replace(/\s+/g, ' ').replace(/[’]/g, "'") === wanted).map((e) => e.entity),
    );
    return hits.size === 1 ? [...hits][0] : undefined;
  }

  /** Every mention of a known entity in the text: the longest name wins where names overlap. */
  findMentions(text: string, inside: readonly { start: number; end: number }[]): Mention[] {
    const within = (start: number, end: number) => inside.some((s) => s.start <= start && end <= s.end);
    const found: Mention[] = [];
    for (const entry of this.entries) {
      entry.pattern.lastIndex = 0;
      for (let m = entry.pattern.exec(text); m !== null; m = entry.pattern.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!within(start, end)) continue;
        const exact = m[0] === entry.surface;
        found.push({
          start,
          end,
          text: m[0],
          entityId: entry.entity.id,
          kind: entry.entity.kind,
          how: entry.how,
          confidence: exact ? 0.95 : 0.85,
        });
      }
    }
    const outer = longestFirst(found);
    // A country named inside a longer name is still named ("troops from North Korea").
    const nested = found.filter(
      (m) =>
        m.kind === 'COUNTRY' &&
        m.how === 'NAME' &&
        outer.some((o) => o.entityId !== m.entityId && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start),
    );
    const chosen = [...outer, ...nested.map((m) => ({ ...m, nested: true, confidence: 0.8 }))];
    const withShort = [...chosen, ...this.shortForms(text, chosen, within)];
    const withKeys = [...withShort, ...this.transliterations(text, withShort, within)];
    return withKeys.sort((a, b) => a.start - b.start);
  }

  /**
   * "the ministry", "the group": the head word of a known name, linked when exactly one entity
   * with that head has been named earlier in the text.
   */
  private shortForms(text: string, named: readonly Mention[], within: (s: number, e: number) => boolean): Mention[] {
    const heads = new Map<string, string[]>();
    for (const entity of this.byId.values()) {
      const words = entity.name.replace(UNNAMED, '').trim().split(/\s+/);
      if (words.length < 2) continue;
      const head = words[words.length - 1]!.toLowerCase();
      if (!/^[a-z]+$/.test(head)) continue;
      heads.set(head, [...(heads.get(head) ?? []), entity.id]);
    }
    const out: Mention[] = [];
    const pattern = /\b[Tt]he\s+([a-z]+)\b/g;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const candidates = heads.get(m[1]!);
      if (!candidates) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (!within(start, end) || named.some((n) => n.start < end && start < n.end)) continue;
      const before = new Set(named.filter((n) => n.end <= start).map((n) => n.entityId));
      const earlier = candidates.filter((id) => before.has(id));
      // Only a name the reader has just met: "the official" in another story is someone else.
      if (earlier.length !== 1) continue;
      const id = earlier[0]!;
      out.push({ start, end, text: m[0], entityId: id, kind: this.byId.get(id)!.kind, how: 'SHORT_FORM', confidence: 0.8 });
    }
    return out;
  }

  /** Capitalised words no name matched, linked when their loose key is one known entity's. */
  private transliterations(text: string, named: readonly Mention[], within: (s: number, e: number) => boolean): Mention[] {
    const out: Mention[] = [];
    const pattern = /(?<![\p{L}])\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2}/gu;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!within(start, end) || named.some((n) => n.start < end && start < n.end)) continue;
      const ids = this.byKey.get(nameKey(m[0]));
      if (!ids || ids.size !== 1) continue;
      const id = [...ids][0]!;
      out.push({ start, end, text: m[0], entityId: id, kind: this.byId.get(id)!.kind, how: 'TRANSLITERATION', confidence: 0.7 });
    }
    return out;
  }
}

function longestFirst(found: Mention[]): Mention[] {
  const byLength = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Mention[] = [];
  for (const m of byLength) {
    if (chosen.some((c) => c.start < m.end && m.start < c.end)) continue;
    chosen.push(m);
  }
  return chosen;
}
