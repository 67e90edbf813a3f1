/**
 * A changeset: what reading one article proposes to add to the graph, in the dataset format, with
 * the evidence for every proposed record (the words, their offsets [start, end) in the article,
 * the sentence, a confidence), and the records the graph already holds that the article states
 * again. An analyst reviews it; accepting it merges `proposed` into the graph.
 */
import { DatasetValidationError, parseDataset, toDatasetFile } from './dataset-validator.js';
import type { Dataset } from './model.js';

/** Where in the article a proposal comes from. */
export interface EvidenceSpan {
  /** The exact words, `article.slice(start, end)`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The sentence that holds them. */
  readonly sentence: string;
  readonly sentenceStart: number;
}

export interface ProposalEvidence {
  /** 0..1: how sure the reader is. */
  readonly confidence: number;
  /** Why, in words: "linked by alias", "follows a title", "“…,” said X". */
  readonly reason: string | null;
  readonly spans: readonly EvidenceSpan[];
}

/** Records as a dataset file gives them (derived fields left out), as `parseDataset` reads them. */
export interface ProposedRecords {
  readonly sources: readonly Record<string, unknown>[];
  readonly entities: readonly Record<string, unknown>[];
  readonly relations: readonly Record<string, unknown>[];
  readonly statements: readonly Record<string, unknown>[];
}

export type RecordSection = 'sources' | 'entities' | 'relations' | 'statements';

export interface Changeset {
  /** The source the article is (new in `proposed.sources`, or one the graph holds). */
  readonly sourceId: string;
  /** How long the article was, in UTF-16 code units: the offsets' range. */
  readonly articleLength: number;
  readonly proposed: ProposedRecords;
  /** Evidence for every record in `proposed`, by id. */
  readonly evidence: Readonly<Record<string, ProposalEvidence>>;
  /** Records the graph holds already that the article states again: not proposed. */
  readonly existing: readonly { readonly id: string; readonly section: RecordSection; readonly evidence: ProposalEvidence }[];
}

/** The graph with the changeset's proposals added, validated; throws DatasetValidationError. */
export function mergeChangeset(base: Dataset, changeset: Pick<Changeset, 'proposed'>): Dataset {
  const file = toDatasetFile(base);
  const p = changeset.proposed;
  return parseDataset({
    sources: [...file.sources, ...p.sources],
    entities: [...file.entities, ...p.entities],
    relations: [...file.relations, ...p.relations],
    statements: [...file.statements, ...p.statements],
  });
}

/**
 * Every problem with a changeset against the graph it was read against: proposals without
 * evidence, offsets outside the article or not matching its words, ids the graph already uses,
 * "existing" records it does not hold, and whatever the dataset validator finds in the merge.
 */
export function validateChangeset(changeset: Changeset, base: Dataset, article?: string): string[] {
  const problems: string[] = [];
  const baseIds = new Set<string>([
    ...base.sources.map((r) => r.id),
    ...base.entities.map((r) => r.id),
    ...base.relations.map((r) => r.id),
    ...base.statements.map((r) => r.id),
  ]);
  const sections: RecordSection[] = ['sources', 'entities', 'relations', 'statements'];
  const proposedIds = new Set<string>();
  for (const section of sections) {
    for (const record of changeset.proposed[section]) {
      const id = String(record.id);
      proposedIds.add(id);
      if (baseIds.has(id)) problems.push(`Proposed ${section} record "${id}" has an id the graph already uses.`);
      const evidence = changeset.evidence[id];
      if (evidence === undefined) problems.push(`Proposed ${section} record "${id}" has no evidence.`);
      else checkEvidence(evidence, `"${id}"`);
    }
  }
  for (const id of Object.keys(changeset.evidence)) {
    if (!proposedIds.has(id)) problems.push(`Evidence for "${id}", which is not proposed.`);
  }
  for (const item of changeset.existing) {
    if (!baseIds.has(item.id)) problems.push(`"${item.id}" is marked existing but the graph does not hold it.`);
    checkEvidence(item.evidence, `existing "${item.id}"`);
  }
  if (!baseIds.has(changeset.sourceId) && !proposedIds.has(changeset.sourceId)) {
    problems.push(`The changeset's source "${changeset.sourceId}" is neither in the graph nor proposed.`);
  }
  try {
    mergeChangeset(base, changeset);
  } catch (error) {
    if (!(error instanceof DatasetValidationError)) throw error;
    problems.push(...error.problems.map((p) => `Merged with the graph: ${p}`));
  }
  return problems;

  function checkEvidence(evidence: ProposalEvidence, label: string): void {
    if (!(evidence.confidence >= 0 && evidence.confidence <= 1)) problems.push(`${label}: confidence ${evidence.confidence} is not within 0..1.`);
    if (evidence.spans.length === 0) problems.push(`${label}: evidence without a span of the article.`);
    for (const span of evidence.spans) {
      if (!(span.start >= 0 && span.start < span.end && span.end <= changeset.articleLength)) {
        problems.push(`${label}: offsets [${span.start}, ${span.end}) lie outside the article.`);
      } else if (article !== undefined && article.slice(span.start, span.end) !== span.text) {
        problems.push(`${label}: the article's words at [${span.start}, ${span.end}) are not ${JSON.stringify(span.text)}.`);
      } else if (article !== undefined && article.slice(span.sentenceStart, span.sentenceStart + span.sentence.length) !== span.sentence) {
        problems.push(`${label}: the sentence at ${span.sentenceStart} is not the article's.`);
      }
    }
  }
}
