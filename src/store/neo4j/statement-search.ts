/**
 * searchStatements on Neo4j, ranked as the embedded store ranks (src/domain/search.ts). A common
 * word is in thousands of statements, so Neo4j ranks the phrase and word hits and sends the page
 * (SEARCH_STATEMENT_PAGE). When they do not fill it, fuzzy hits count too: the candidates come back
 * as id, date and folded text only, the domain ranks them, and the page's statements are read by id.
 */
import { rankStatementEntries, rankStatements, statementEntryOfText, type RankedStatement, type StatementMatch } from '../../domain/index.js';
import type { StatementSearchQuery } from '../graph-store.js';
import neo4j from 'neo4j-driver';
import { STATEMENTS_BY_IDS } from './cypher/lookups.js';
import { luceneQuery, SEARCH_STATEMENT_CANDIDATE_TEXTS, SEARCH_STATEMENT_PAGE, statementPageParams } from './cypher/search.js';
import type { QueryRunner } from './executor.js';
import { statementFromNode, type Row } from './mapping.js';

export async function searchStatementsIn(
  tx: QueryRunner,
  { text, first, speakerId, window }: StatementSearchQuery,
): Promise<StatementMatch[]> {
  const filters = { words: luceneQuery(text), speakerId, from: window?.from ?? null, to: window?.to ?? null };
  const page = await tx.run(SEARCH_STATEMENT_PAGE, { ...filters, ...statementPageParams(text), first: neo4j.int(first) });
  if (page.length >= first) return rankStatements(page.map((row) => statementFromNode(row['s'])), text, first);

  const candidates = await tx.run(SEARCH_STATEMENT_CANDIDATE_TEXTS, filters);
  const ranked = rankStatementEntries(candidates.map(candidateEntry), text, first);
  if (ranked.length === 0) return [];
  const rows = await tx.run(STATEMENTS_BY_IDS, { ids: ranked.map((m) => m.statement.id) });
  const statements = new Map(rows.map((row) => statementFromNode(row['s'])).map((s) => [s.id, s]));
  // A statement deleted since the candidates were read (another transaction's commit) is left out.
  return ranked.flatMap(({ statement, tier, score }) => {
    const found = statements.get(statement.id);
    return found === undefined ? [] : [{ statement: found, tier, score }];
  });
}

function candidateEntry(row: Row) {
  const { id, date, searchText } = row;
  if (typeof id !== 'string' || (date !== null && typeof date !== 'string') || typeof searchText !== 'string') {
    throw new Error(`A statement search candidate is not (id, date, searchText): ${JSON.stringify(row)}`);
  }
  const statement: RankedStatement = { id, date };
  return statementEntryOfText(statement, searchText);
}
