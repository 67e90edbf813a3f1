/**
 * How the data file keeps a relation: in its file form (src/domain/dataset-validator.ts), which
 * leaves out the derived fields (status, claimedBy, date, sourceId) and the empty ones (null
 * qualifiers of an attribution, no time, no statements, no qualifiers). At 1M relations that is
 * about 160 bytes a row instead of 450, and reading the graph back at start parses a third of the
 * text. A record whose file form would not read back as its whole JSON would (its statement ids in
 * another order than the file form makes, say) is kept whole; rows of either form are read.
 */
import { relationFromFile, relationToFile, type RelationFile, type RelationRecord } from '../../domain/index.js';

/** The JSON a relation's row keeps. */
export function relationRow(relation: RelationRecord): string {
  const whole = JSON.stringify(relation);
  const file = relationToFile(relation, () => null);
  return JSON.stringify(relationFromFile(file, null)) === whole ? JSON.stringify(file) : whole;
}

/** The relation of a row's parsed JSON, of either form (a whole record has its derived `status`). */
export function relationOfRow(parsed: RelationFile | RelationRecord): RelationRecord {
  return 'status' in parsed ? parsed : relationFromFile(parsed, null);
}
