/** The formats `npm run export` writes besides the dataset file: pure conversions of a Dataset. */
export { graphmlChunks, toGraphml, GRAPHML_NAMESPACE } from './graphml.js';
export { csvNodeChunks, csvEdgeChunks, toCsv, NODES_FILE, EDGES_FILE, NODE_HEADER, EDGE_HEADER } from './csv.js';
export { jsonlLines, toJsonl, type JsonlSection } from './jsonl.js';
export { LIST_SEPARATOR, attributionText } from './columns.js';
