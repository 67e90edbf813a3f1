/**
 * The README's example queries: every ```graphql block that a ```json block follows (with only
 * prose between them) is an example, and the JSON is what the server must answer on the seed.
 */
import { readFileSync } from 'node:fs';

export interface ReadmeExample {
  readonly title: string;
  readonly query: string;
  readonly expected: unknown;
}

export function readmeExamples(path = new URL('../../README.md', import.meta.url)): ReadmeExample[] {
  const text = readFileSync(path, 'utf8');
  const examples: ReadmeExample[] = [];
  const pattern = /^#{2,4} (.+)$|^```graphql\n([\s\S]*?)^```$|^```json\n([\s\S]*?)^```$/gm;
  let title = '';
  let pendingQuery: string | null = null;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) {
      title = match[1].trim();
      pendingQuery = null;
    } else if (match[2] !== undefined) {
      pendingQuery = match[2];
    } else if (match[3] !== undefined && pendingQuery !== null) {
      examples.push({ title, query: pendingQuery, expected: JSON.parse(match[3]) });
      pendingQuery = null;
    }
  }
  return examples;
}
