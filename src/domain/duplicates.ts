/**
 * Entity resolution, the finding half: which pairs of entities of one kind are probably the same.
 *
 * Names are compared in the search module's folded form (`normalizeForSearch`: Cyrillic
 * transliterated, accents, case and punctuation dropped), so "Апти Алаудинов" and "Apti Alaudinov"
 * are one name, and word by word with the search module's typo budget (`typoBudget`,
 * `boundedEditDistance`), so "Apty Alaudinow" is that name with two typos.
 *
 * Comparing every pair is O(n²); instead entities are put in blocks by keys a probable duplicate
 * shares (blocking): each folded word of a name or alias of 4+ letters, and that word with one
 * letter deleted (symmetric-deletion keys, as SymSpell uses: two words one edit apart share one).
 * Only entities sharing a block are compared. Blocks larger than `MAX_BLOCK` (a word half the
 * graph has, "forces") say nothing and are skipped. A word the typo budget gives no typo (one with
 * a digit: "155th" and "115th" are different brigades) is its own only key.
 *
 * The work grows with the graph, so the loops take a `Pace` (the store's Pacer): they let other
 * requests run every few milliseconds and stop at the request's deadline. The neighbours, which
 * cost a store read, are asked only for the pairs whose names leave them a chance of the first places.
 */
import type { EntityName, EntityRecord } from './model.js';
import { boundedEditDistance, compareText, normalizeForSearch, typoBudget } from './search.js';
import type { EntityKind } from './vocabulary.js';

/** Why a pair is proposed (schema: `DuplicateReason`). */
export type DuplicateReasonCode =
  | 'SAME_NAME'
  | 'NAME_MATCHES_ALIAS'
  | 'TRANSLITERATION'
  | 'SIMILAR_SPELLING'
  | 'SHARED_NEIGHBOURS';

export interface DuplicateReason {
  readonly code: DuplicateReasonCode;
  /** The labels or neighbours behind it, in words. */
  readonly detail: string;
}

/** `T`: what is known of the two entities, their whole records once the pair is answered. */
export interface DuplicateCandidate<T extends EntityName = EntityRecord> {
  /** The pair, `a.id` before `b.id` in code-point order. */
  readonly a: T;
  readonly b: T;
  /** 0 to 1: how likely the two are one. */
  readonly score: number;
  readonly reasons: readonly DuplicateReason[];
}

/** Kinds proposed when none are asked: events are facts, not names, and are not merged. */
export const RESOLVABLE_KINDS: readonly EntityKind[] = ['PERSON', 'UNIT', 'ORGANIZATION', 'COUNTRY', 'REGION', 'SETTLEMENT'];

/** Blocks with more entities than this are too common a word to mean anything. */
export const MAX_BLOCK = 50;
/** Pairs scoring below this are not proposed. */
export const MIN_SCORE = 0.4;
/** Of the score, what the names give (the rest: shared neighbours). */
const NAME_WEIGHT = 0.8;
const NEIGHBOUR_WEIGHT = 0.2;
const MIN_KEY_WORD = 4;

/**
 * What a long loop asks between steps (the store's Pacer, src/store/pacer.ts): whether it is time
 * to let other work run, which throws once the request is cancelled, and the pause itself.
 */
export interface Pace {
  due(steps?: number): boolean;
  pause(): Promise<void>;
}

/** Never pauses: for callers with little to do (tests, a handful of entities). */
const UNPACED: Pace = { due: () => false, pause: async () => {} };

/** The sorted-pair key of two ids, as judgements are stored under. */
export function pairKey(aId: string, bId: string): string {
  const [x, y] = compareText(aId, bId) <= 0 ? [aId, bId] : [bId, aId];
  return `${x}|${y}`;
}

/** The two ids in code-point order. */
export function orderedPair(aId: string, bId: string): [string, string] {
  return compareText(aId, bId) <= 0 ? [aId, bId] : [bId, aId];
}

interface Label {
  readonly text: string;
  readonly key: string;
  readonly words: readonly string[];
  readonly isName: boolean;
  readonly nonLatin: boolean;
}

const NON_LATIN_LETTER = /[^\p{Script=Latin}\P{L}]/u;

function labelsOf(entity: EntityName): Label[] {
  const seen = new Set<string>();
  const labels: Label[] = [];
  [entity.name, ...entity.aliases].forEach((text, i) => {
    const key = normalizeForSearch(text);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    labels.push({ text, key, words: key.split(' '), isName: i === 0, nonLatin: NON_LATIN_LETTER.test(text) });
  });
  return labels;
}

/**
 * The blocking keys of an entity: its long folded words, each also with one letter deleted when
 * the word may have a typo (`typoBudget`); a word that may not matches only itself.
 */
export function blockingKeys(entity: EntityName): string[] {
  const keys = new Set<string>();
  for (const label of labelsOf(entity)) {
    for (const word of label.words) {
      const letters = letterCount(word);
      if (letters < MIN_KEY_WORD) continue;
      keys.add(word);
      if (typoBudget(word) === 0) continue;
      if (letters === word.length) {
        // One code unit per letter (almost every folded word): cut as it is.
        for (let i = 0; i < word.length; i++) keys.add(word.slice(0, i) + word.slice(i + 1));
      } else {
        const split = Array.from(word);
        for (let i = 0; i < split.length; i++) keys.add(split.slice(0, i).join('') + split.slice(i + 1).join(''));
      }
    }
  }
  return [...keys];
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** A word's letters (code points), counted without splitting it when it has no surrogate pair. */
function letterCount(word: string): number {
  return SURROGATE.test(word) ? Array.from(word).length : word.length;
}

/** How two labels compare: the typos to turn every word of one into a word of the other, or null. */
interface LabelMatch {
  readonly a: Label;
  readonly b: Label;
  readonly typos: number;
  /** Matched words over the longer label's words: 1 when the labels have the same words. */
  readonly coverage: number;
}

function matchLabels(a: Label, b: Label): LabelMatch | null {
  if (a.key === b.key) return { a, b, typos: 0, coverage: 1 };
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  const used = new Set<number>();
  let typos = 0;
  for (const word of short.words) {
    let best: { index: number; d: number } | null = null;
    long.words.forEach((other, index) => {
      if (used.has(index)) return;
      const d = word === other ? 0 : boundedEditDistance(word, other, Math.min(typoBudget(word), typoBudget(other)));
      if (d !== null && (best === null || d < best.d)) best = { index, d };
    });
    if (best === null) return null;
    used.add((best as { index: number }).index);
    typos += (best as { d: number }).d;
  }
  return { a, b, typos, coverage: short.words.length / long.words.length };
}

/** How alike two names are, 0 to 1, from the best pair of labels, with the reasons. */
export function nameSimilarity(a: EntityName, b: EntityName): { score: number; reasons: DuplicateReason[] } {
  let best: { score: number; match: LabelMatch } | null = null;
  for (const la of labelsOf(a)) {
    for (const lb of labelsOf(b)) {
      const match = matchLabels(la, lb);
      if (match === null) continue;
      const bothNames = la.isName && lb.isName ? 1 : 0.95;
      const score = Math.max(0, match.coverage * bothNames - 0.1 * match.typos);
      if (best === null || score > best.score) best = { score, match };
    }
  }
  if (best === null) return { score: 0, reasons: [] };
  const { match } = best;
  const quote = `"${match.a.text}" and "${match.b.text}"`;
  const reasons: DuplicateReason[] = [];
  if (match.typos === 0 && match.coverage === 1) {
    reasons.push(
      match.a.isName && match.b.isName
        ? { code: 'SAME_NAME', detail: `${quote} fold to "${match.a.key}"` }
        : { code: 'NAME_MATCHES_ALIAS', detail: `${quote} fold to "${match.a.key}"` },
    );
  } else {
    reasons.push({
      code: 'SIMILAR_SPELLING',
      detail: `${quote} differ by ${match.typos} typo${match.typos === 1 ? '' : 's'}${match.coverage < 1 ? `, ${Math.round(match.coverage * 100)}% of the words matched` : ''}`,
    });
  }
  if (match.a.nonLatin !== match.b.nonLatin) {
    reasons.push({ code: 'TRANSLITERATION', detail: `${quote} are written in different scripts` });
  }
  return { score: Math.round(best.score * 1000) / 1000, reasons };
}

/**
 * The pairs of entities that share a blocking key, each once, same kind only. Entities must be
 * of the kinds wanted already.
 */
export async function blockedPairs<T extends EntityName>(entities: readonly T[], pace: Pace = UNPACED): Promise<[T, T][]> {
  // Blocks by kind, then key: an entity is compared only with those of its kind.
  const blocksOfKind = new Map<string, Map<string, T[]>>();
  for (const entity of entities) {
    let blocks = blocksOfKind.get(entity.kind);
    if (blocks === undefined) blocksOfKind.set(entity.kind, (blocks = new Map()));
    const keys = blockingKeys(entity);
    for (const key of keys) {
      const block = blocks.get(key);
      if (block) block.push(entity);
      else blocks.set(key, [entity]);
    }
    if (pace.due(1 + keys.length)) await pace.pause();
  }
  const pairs = new Map<string, [T, T]>();
  for (const blocks of blocksOfKind.values()) {
    for (const block of blocks.values()) {
      if (block.length < 2 || block.length > MAX_BLOCK) continue;
      for (let i = 0; i < block.length; i++) {
        for (let j = i + 1; j < block.length; j++) {
          const [x, y] = compareText(block[i]!.id, block[j]!.id) <= 0 ? [block[i]!, block[j]!] : [block[j]!, block[i]!];
          if (x.id !== y.id) pairs.set(pairKey(x.id, y.id), [x, y]);
        }
      }
      if (pace.due(block.length * block.length)) await pace.pause();
    }
  }
  return [...pairs.values()];
}

/** What the ranking needs besides the entities. */
export interface DuplicateContext {
  /** Each entity's neighbours (the other ends of its relations), for the entities of the pairs. */
  readonly neighbours: ReadonlyMap<string, ReadonlySet<string>>;
  /** Pairs never to propose (by `pairKey`): judged DIFFERENT. */
  readonly excluded: ReadonlySet<string>;
}

/** A pair with what its names give (`nameSimilarity`). */
export interface NamedPair<T extends EntityName = EntityName> {
  readonly a: T;
  readonly b: T;
  readonly names: { readonly score: number; readonly reasons: readonly DuplicateReason[] };
}

const roundScore = (score: number) => Math.round(score * 1000) / 1000;

/** The score of a pair whose names give `names` and whose neighbours give `neighbours` (0 to 1 each). */
const pairScore = (names: number, neighbours: number) => roundScore(NAME_WEIGHT * names + NEIGHBOUR_WEIGHT * neighbours);

/**
 * The pairs (from `blockedPairs`) not excluded whose names are alike enough that, with every
 * neighbour shared, they would score MIN_SCORE.
 */
export async function namedPairs<T extends EntityName>(
  pairs: readonly (readonly [T, T])[],
  excluded: ReadonlySet<string>,
  pace: Pace = UNPACED,
): Promise<NamedPair<T>[]> {
  const named: NamedPair<T>[] = [];
  for (const [a, b] of pairs) {
    // Comparing two names costs about as much as a few steps of a walk.
    if (pace.due(4)) await pace.pause();
    if (excluded.has(pairKey(a.id, b.id))) continue;
    const names = nameSimilarity(a, b);
    if (names.score > 0 && pairScore(names.score, 1) >= MIN_SCORE) named.push({ a, b, names });
  }
  return named;
}

/**
 * The pairs that may be among the `first` best whatever their neighbours: the rest would score
 * less than `first` others even with every neighbour shared (and those others with none), so
 * their neighbours need not be read.
 */
export function pairsThatMayRank<T extends EntityName>(named: readonly NamedPair<T>[], first: number): NamedPair<T>[] {
  if (named.length <= first) return [...named];
  const floors = named.map((p) => pairScore(p.names.score, 0)).sort((x, y) => y - x);
  const bar = floors[first - 1]!;
  return named.filter((p) => pairScore(p.names.score, 1) >= bar);
}

/** Scores named pairs with their neighbours and keeps the best `first`: score, then a's id, then b's id. */
export function rankNamedPairs<T extends EntityName>(
  named: readonly NamedPair<T>[],
  neighbours: DuplicateContext['neighbours'],
  first: number,
): DuplicateCandidate<T>[] {
  const candidates: DuplicateCandidate<T>[] = [];
  for (const { a, b, names } of named) {
    const na = neighbours.get(a.id) ?? new Set<string>();
    const nb = neighbours.get(b.id) ?? new Set<string>();
    const shared = [...na].filter((id) => nb.has(id) && id !== a.id && id !== b.id).sort(compareText);
    const union = new Set([...na, ...nb].filter((id) => id !== a.id && id !== b.id)).size;
    const score = pairScore(names.score, union === 0 ? 0 : shared.length / union);
    if (score < MIN_SCORE) continue;
    const reasons = [...names.reasons];
    if (shared.length > 0) {
      reasons.push({
        code: 'SHARED_NEIGHBOURS',
        detail: `${shared.length} of ${union} neighbours shared: ${shared.slice(0, 5).join(', ')}${shared.length > 5 ? ', …' : ''}`,
      });
    }
    candidates.push({ a, b, score, reasons });
  }
  return candidates
    .sort((x, y) => y.score - x.score || compareText(x.a.id, y.a.id) || compareText(x.b.id, y.b.id))
    .slice(0, first);
}

/** Scores pairs (from `blockedPairs`) and keeps the best `first`: score, then a's id, then b's id. */
export async function rankDuplicates<T extends EntityName>(
  pairs: readonly (readonly [T, T])[],
  context: DuplicateContext,
  first: number,
): Promise<DuplicateCandidate<T>[]> {
  return rankNamedPairs(pairsThatMayRank(await namedPairs(pairs, context.excluded), first), context.neighbours, first);
}
