/**
 * Vitest reporter: after the default report, the store contract suite's results per store (so a
 * reader sees that it ran on Neo4j, not only that the file passed), then one plain line
 * `vitest: N passed, N failed, N skipped`. Failed files (e.g. an import error) count as failed.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';

type Tally = { passed: number; failed: number; skipped: number };
const emptyTally = (): Tally => ({ passed: 0, failed: 0, skipped: 0 });
const format = ({ passed, failed, skipped }: Tally) => `${passed} passed, ${failed} failed, ${skipped} skipped`;

function count(tally: Tally, test: TestCase): void {
  const state = test.result().state;
  if (state === 'passed') tally.passed++;
  else if (state === 'failed') tally.failed++;
  else tally.skipped++;
}

export default class SummaryLine implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    const total = emptyTally();
    total.failed += unhandledErrors.length;
    const contract = new Map<string, Tally>();
    for (const module of testModules) {
      const tests = [...module.children.allTests()];
      if (module.state() === 'failed' && tests.length === 0) total.failed++;
      for (const test of tests) {
        count(total, test);
        if (!module.moduleId.includes('/test/contract/')) continue;
        // The top-level suite names the store: "the 'Neo4j' store", "the embedded and Neo4j stores".
        let suite = test.parent;
        while (suite.type === 'suite' && suite.parent.type === 'suite') suite = suite.parent;
        const name = suite.type === 'suite' ? suite.name : test.name;
        if (!contract.has(name)) contract.set(name, emptyTally());
        count(contract.get(name)!, test);
      }
    }
    if (contract.size > 0) {
      console.log('\nstore contract suite:');
      for (const [name, tally] of contract) console.log(`  ${name}: ${format(tally)}`);
    }
    console.log(`\nvitest: ${format(total)}`);
  }
}
