// A child process for test/durability/kill-during-loads.test.ts: opens the durable embedded store
// in DATA_DIR (the compiled store in dist/, as the server runs it) and loads small distinct
// datasets in a loop, printing "ack N" only after load N has resolved. The test kills it with
// SIGKILL at a random moment.
//
//   node test/durability/loader.mjs DATA_DIR FIRST_N
import { openDurableMemoryStore } from '../../dist/store/memory/memory-store.js';
import { datasetNumber } from './datasets.mjs';

const [dataDir, first] = process.argv.slice(2);
const store = openDurableMemoryStore(dataDir);
process.stdout.write('ready\n');
for (let n = Number(first); ; n++) {
  await store.load(datasetNumber(n));
  process.stdout.write(`ack ${n}\n`);
}
