/**
 * The analysts' explorer, served at / by this server and bundled by tools/build-explorer.ts. It
 * speaks only to the public GraphQL API at /graphql on the same origin: search as you type, open
 * an entity on the canvas and in the side panel, expand its neighbours, and highlight the
 * shortest path between two entities.
 */
import '../explorer.css';
import type { ExplorerEntityQuery, ExplorerStatementFragment, EntityKind } from '../gql/graphql.js';
import { ApiError, request } from './api.js';
import { byId, h, svg } from './dom.js';
import { createCanvas, type NodeData } from './graph.js';
import { KINDS, KIND_ORDER, STATUSES, STATUS_ORDER, kindLabel } from './look.js';
import { EntityQuery, PathQuery, RelationTypesQuery, SearchQuery } from './operations.js';

type Entity = NonNullable<ExplorerEntityQuery['entity']>;
type Relation = Entity['relations'][number];

/** New neighbours an expansion adds at most; "Show more" adds as many again. */
const EXPAND_LIMIT = 8;
const SEARCH_DEBOUNCE_MS = 200;
const SEARCH_FIRST = 10;

const searchInput = byId<HTMLInputElement>('search-input');
const searchResults = byId<HTMLUListElement>('search-results');
const errorBox = byId('error');
const statusLine = byId('status');
const nodeList = byId<HTMLUListElement>('node-list');
const nodesTitle = byId('nodes-title');
const clearButton = byId<HTMLButtonElement>('clear-canvas');
const canvasElement = byId('canvas');
const emptyState = byId('empty');
const details = byId('details');
const pathFromSlot = byId('path-from');
const pathToSlot = byId('path-to');
const pathFind = byId<HTMLButtonElement>('path-find');
const pathClear = byId<HTMLButtonElement>('path-clear');
const pathResult = byId('path-result');

const canvas = createCanvas(canvasElement, (id) => void openEntity(id));
/** Relation types stored once and drawn without an arrow (NEAR, ALLIED_WITH). */
const symmetricTypes = new Set<string>(['NEAR', 'ALLIED_WITH']);
const typeDescriptions = new Map<string, string>();
const loaded = new Map<string, Entity>();
/** How many distinct neighbours each expanded entity has had put on the canvas. */
const revealed = new Map<string, number>();
let selectedId: string | null = null;
let pathEnds: { from: NodeData | null; to: NodeData | null } = { from: null, to: null };
let pathOn: { nodes: string[]; edges: string[] } | null = null;

// ---------------------------------------------------------------------------------------------
// Messages

function showError(error: unknown, doing: string): void {
  const code = error instanceof ApiError ? error.code : 'CLIENT_ERROR';
  const message = error instanceof Error ? error.message : String(error);
  const title = code === 'NETWORK_ERROR' ? 'The server is unreachable' : `Could not ${doing}`;
  errorBox.replaceChildren(
    h('strong', {}, title),
    ' ',
    h('code', { class: 'code' }, code),
    ' ',
    h('span', { class: 'message' }, message),
    h('button', { type: 'button', class: 'quiet', 'aria-label': 'Dismiss the error', onclick: () => hideError() }, 'Dismiss'),
  );
  errorBox.hidden = false;
}

function hideError(): void {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

function announce(text: string): void {
  statusLine.textContent = text;
}

// ---------------------------------------------------------------------------------------------
// Legend

function renderLegend(): void {
  const legend = byId('legend');
  const kinds = h(
    'ul',
    { class: 'legend-kinds', 'aria-label': 'Entity kinds' },
    KIND_ORDER.map((kind) => h('li', {}, kindIcon(kind), KINDS[kind].label)),
  );
  const statuses = h(
    'ul',
    { class: 'legend-statuses', 'aria-label': 'Relation status' },
    STATUS_ORDER.map((status) => {
      const look = STATUSES[status];
      return h('li', { title: look.meaning }, statusLine_(status), h('span', {}, look.label, h('small', {}, ` ${look.meaning}`)));
    }),
  );
  legend.append(kinds, statuses, h('p', { class: 'hint' }, 'Arrows run from a relation’s start to its end; symmetric ones (NEAR, ALLIED_WITH) have none.'));
}

function kindIcon(kind: EntityKind, size = 14): SVGElement {
  const look = KINDS[kind];
  const shape = look.points
    ? svg('polygon', { points: look.points, fill: look.color })
    : svg('circle', { cx: 10, cy: 10, r: 9, fill: look.color });
  const icon = svg('svg', { viewBox: '0 0 20 20', width: size, height: size, 'aria-hidden': 'true', class: 'kind-icon' }, shape);
  return icon;
}

function statusLine_(status: keyof typeof STATUSES): SVGElement {
  const look = STATUSES[status];
  const line = svg('line', {
    x1: 1,
    y1: 6,
    x2: 33,
    y2: 6,
    stroke: look.color,
    'stroke-width': status === 'CONFIRMED' ? 2 : 2.5,
    ...(look.line === 'solid' ? {} : { 'stroke-dasharray': look.dash.join(' ') }),
    ...(look.line === 'dotted' ? { 'stroke-linecap': 'round' } : {}),
  });
  return svg('svg', { viewBox: '0 0 34 12', width: 34, height: 12, 'aria-hidden': 'true', class: 'status-line' }, line);
}

function statusBadge(status: keyof typeof STATUSES): HTMLElement {
  return h('span', { class: `status-badge status-${status}`, title: STATUSES[status].meaning }, statusLine_(status), STATUSES[status].label);
}

// ---------------------------------------------------------------------------------------------
// Search as you type

let searchTimer: ReturnType<typeof setTimeout> | undefined;
let searchAbort: AbortController | null = null;
let hits: NodeData[] = [];
let activeHit = -1;

function closeResults(): void {
  searchResults.hidden = true;
  searchInput.setAttribute('aria-expanded', 'false');
  searchInput.removeAttribute('aria-activedescendant');
  activeHit = -1;
}

function renderResults(text: string, found: { id: string; kind: EntityKind; name: string; aliases: string[] }[]): void {
  hits = found.map(({ id, kind, name }) => ({ id, kind, name }));
  activeHit = found.length > 0 ? 0 : -1;
  const needle = text.trim().toLowerCase();
  searchResults.replaceChildren(
    ...(found.length === 0
      ? [h('li', { class: 'no-hits', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, `Nothing matches “${text.trim()}”.`)]
      : found.map((hit, index) => {
          const alias = hit.name.toLowerCase().includes(needle) ? undefined : hit.aliases.find((a) => a.toLowerCase().includes(needle));
          return h(
            'li',
            {
              id: `hit-${index}`,
              role: 'option',
              class: 'hit',
              'aria-selected': index === activeHit ? 'true' : 'false',
              'data-id': hit.id,
              onmousedown: (event: Event) => event.preventDefault(),
              onclick: () => void choose(index),
            },
            kindIcon(hit.kind),
            h('span', { class: 'hit-name' }, hit.name),
            alias ? h('span', { class: 'hit-alias' }, ` (${alias})`) : null,
            h('span', { class: `kind-tag kind-${hit.kind}` }, kindLabel(hit.kind)),
          );
        })),
  );
  searchResults.hidden = false;
  searchInput.setAttribute('aria-expanded', 'true');
  markActive();
  announce(found.length === 0 ? 'No matches.' : `${found.length} match${found.length === 1 ? '' : 'es'}; arrow keys to move, Enter to open.`);
}

function markActive(): void {
  searchResults.querySelectorAll('li.hit').forEach((li, index) => li.setAttribute('aria-selected', index === activeHit ? 'true' : 'false'));
  if (activeHit >= 0) {
    searchInput.setAttribute('aria-activedescendant', `hit-${activeHit}`);
    document.getElementById(`hit-${activeHit}`)?.scrollIntoView({ block: 'nearest' });
  } else searchInput.removeAttribute('aria-activedescendant');
}

async function runSearch(text: string): Promise<void> {
  searchAbort?.abort();
  if (!/[\p{L}\p{N}]/u.test(text)) {
    closeResults();
    return;
  }
  const abort = new AbortController();
  searchAbort = abort;
  try {
    const data = await request(SearchQuery, { text: text.slice(0, 200), first: SEARCH_FIRST }, abort.signal);
    if (abort.signal.aborted) return;
    hideError();
    renderResults(text, data.search);
  } catch (error) {
    if (abort.signal.aborted) return;
    closeResults();
    showError(error, 'search');
  }
}

async function choose(index: number): Promise<void> {
  const hit = hits[index];
  if (!hit) return;
  // A search still waiting or in flight would reopen the hits over the entity just chosen.
  clearTimeout(searchTimer);
  searchAbort?.abort();
  closeResults();
  searchInput.value = hit.name;
  await openEntity(hit.id, hit);
}

searchInput.addEventListener('input', () => {
  clearTimeout(searchTimer);
  const text = searchInput.value;
  searchTimer = setTimeout(() => void runSearch(text), SEARCH_DEBOUNCE_MS);
});

searchInput.addEventListener('keydown', (event) => {
  const open = !searchResults.hidden;
  if (event.key === 'ArrowDown' && open && hits.length > 0) {
    activeHit = (activeHit + 1) % hits.length;
    markActive();
    event.preventDefault();
  } else if (event.key === 'ArrowUp' && open && hits.length > 0) {
    activeHit = (activeHit - 1 + hits.length) % hits.length;
    markActive();
    event.preventDefault();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    if (open && activeHit >= 0) void choose(activeHit);
    else if (!open) {
      clearTimeout(searchTimer);
      void runSearch(searchInput.value);
    }
  } else if (event.key === 'Escape' && open) {
    closeResults();
    event.stopPropagation();
  }
});

searchInput.addEventListener('blur', () => setTimeout(closeResults, 150));

// ---------------------------------------------------------------------------------------------
// Entities on the canvas

async function load(id: string): Promise<Entity> {
  const cached = loaded.get(id);
  if (cached) return cached;
  const data = await request(EntityQuery, { id });
  if (!data.entity) throw new ApiError('NOT_FOUND', `There is no entity with id ${id}.`);
  loaded.set(id, data.entity);
  return data.entity;
}

function neighboursOf(entity: Entity): NodeData[] {
  const seen = new Map<string, NodeData>();
  for (const relation of entity.relations) {
    if (relation.node.id !== entity.id && !seen.has(relation.node.id)) seen.set(relation.node.id, relation.node);
  }
  return [...seen.values()];
}

function edgeOf(entity: Entity, relation: Relation) {
  const outward = relation.direction !== 'IN';
  return {
    id: relation.id,
    type: relation.type,
    from: outward ? entity.id : relation.node.id,
    to: outward ? relation.node.id : entity.id,
    status: relation.status,
    symmetric: symmetricTypes.has(relation.type),
  };
}

/** Puts up to EXPAND_LIMIT more of an entity's neighbours on the canvas, with every relation among them. */
function expand(entity: Entity, more: number): void {
  const neighbours = neighboursOf(entity);
  const shown = Math.min(neighbours.length, (revealed.get(entity.id) ?? 0) + more);
  for (const node of neighbours.slice(0, shown)) canvas.addNode(node, entity.id);
  revealed.set(entity.id, shown);
  for (const relation of entity.relations) canvas.addEdge(edgeOf(entity, relation));
  // Relations of other loaded entities that now have both ends on the canvas.
  for (const other of loaded.values()) {
    if (other.id === entity.id || !canvas.hasNode(other.id)) continue;
    for (const relation of other.relations) if (canvas.hasNode(relation.node.id)) canvas.addEdge(edgeOf(other, relation));
  }
  canvas.setHidden(entity.id, neighbours.length - shown);
}

async function openEntity(id: string, known?: NodeData, options: { more?: boolean } = {}): Promise<void> {
  announce(`Loading ${known?.name ?? id}…`);
  let entity: Entity;
  try {
    entity = await load(id);
  } catch (error) {
    showError(error, `open ${known?.name ?? id}`);
    announce('');
    return;
  }
  hideError();
  const isNew = canvas.addNode(entity);
  const before = canvas.nodes().length;
  expand(entity, options.more || !revealed.has(id) ? EXPAND_LIMIT : 0);
  const added = canvas.nodes().length - before;
  selectedId = id;
  canvas.select(id);
  // The panel first: the layout then fits the graph into the canvas that is left beside it.
  renderDetails(entity);
  if (isNew || added > 0) canvas.layout();
  refreshNodeList();
  const total = neighboursOf(entity).length;
  announce(
    `Opened ${entity.name}, ${kindLabel(entity.kind).toLowerCase()}: ${entity.relations.length} relations; ` +
      `${revealed.get(id) ?? 0} of ${total} neighbours on the canvas.`,
  );
}

function refreshNodeList(): void {
  const nodes = canvas.nodes().sort((a, b) => a.name.localeCompare(b.name));
  nodesTitle.textContent = `On the canvas (${nodes.length})`;
  const focusedId = (document.activeElement as HTMLElement | null)?.closest('#node-list')
    ? (document.activeElement as HTMLElement).dataset.id
    : undefined;
  const onPath = new Set(pathOn?.nodes ?? []);
  nodeList.replaceChildren(
    ...nodes.map((node) => {
      const hidden = loaded.has(node.id) ? neighboursOf(loaded.get(node.id)!).length - (revealed.get(node.id) ?? 0) : 0;
      const notes = [
        kindLabel(node.kind).toLowerCase(),
        node.id === selectedId ? 'open' : null,
        onPath.has(node.id) ? 'on the path' : null,
        hidden > 0 ? `${hidden} more neighbours` : null,
      ].filter(Boolean);
      return h(
        'li',
        { 'data-on-path': onPath.has(node.id) ? 'true' : null },
        h(
          'button',
          {
            type: 'button',
            class: 'node-button',
            'data-id': node.id,
            'aria-current': node.id === selectedId ? 'true' : null,
            'aria-label': `${node.name}, ${notes.join(', ')}`,
            onclick: () => void openEntity(node.id, node),
          },
          kindIcon(node.kind),
          h('span', { class: 'node-name' }, node.name),
          hidden > 0 ? h('span', { class: 'more-count', 'aria-hidden': 'true' }, `+${hidden}`) : null,
          onPath.has(node.id) ? h('span', { class: 'path-mark', 'aria-hidden': 'true' }, 'path') : null,
        ),
      );
    }),
  );
  if (focusedId) (nodeList.querySelector(`button[data-id="${CSS.escape(focusedId)}"]`) as HTMLElement | null)?.focus();
  clearButton.disabled = nodes.length === 0;
  emptyState.hidden = nodes.length > 0;
  const edges = canvas.cy.edges().length;
  canvasElement.setAttribute(
    'aria-label',
    `Graph canvas: ${nodes.length} entities and ${edges} relations. The list “On the canvas” names the same entities as text.`,
  );
}

clearButton.addEventListener('click', () => {
  canvas.clear();
  revealed.clear();
  selectedId = null;
  pathOn = null;
  pathResult.hidden = true;
  closeDetails(false);
  refreshNodeList();
  updatePathBar();
  searchInput.focus();
  announce('The canvas is empty.');
});

// ---------------------------------------------------------------------------------------------
// The side panel

function entityLink(node: { id: string; name: string; kind?: EntityKind }): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'link',
      title: `Open ${node.name}`,
      onclick: () => void openEntity(node.id, node.kind ? { id: node.id, name: node.name, kind: node.kind } : undefined, {}),
    },
    node.name,
  );
}

function qualifierText(q: Relation['qualifiers']): string[] {
  const approx = (n: number) =>
    q.approximation === 'APPROXIMATE' ? `about ${n}` :
    q.approximation === 'MORE_THAN' ? `over ${n}` :
    q.approximation === 'AT_LEAST' ? `at least ${n}` :
    q.approximation === 'AT_MOST' ? `at most ${n}` : String(n);
  return [
    q.extent ? `extent: ${q.extent}` : null,
    q.role ? `role: ${q.role}` : null,
    q.troopCount != null ? `troops: ${approx(q.troopCount)}` : null,
    q.casualtyCount != null ? `casualties: ${approx(q.casualtyCount)}` : null,
    q.distanceKm != null ? `${approx(q.distanceKm)} km` : null,
    q.distanceMiles != null ? `${approx(q.distanceMiles)} miles` : null,
    q.wording ? `“${q.wording}”` : null,
  ].filter((x): x is string => x !== null);
}

function renderRelation(entity: Entity, relation: Relation): HTMLElement {
  const here = h('span', { class: 'here' }, entity.name);
  const other = entityLink(relation.node);
  const type = h('code', { class: 'rel-type', title: typeDescriptions.get(relation.type) ?? '' }, relation.type);
  const sentence =
    relation.direction === 'IN' ? [other, ' ', type, ' ', here] : [here, ' ', type, ' ', other];
  const meta = [
    relation.claimedBy ? h('span', {}, 'claimed by ', h('strong', {}, relation.claimedBy.name)) : h('span', {}, 'in the source’s own voice'),
    relation.date ? h('time', { datetime: relation.date }, relation.date) : null,
    ...qualifierText(relation.qualifiers).map((text) => h('span', {}, text)),
    h('span', { class: 'source' }, 'source: ', h('cite', {}, relation.source.title)),
  ].filter(Boolean) as HTMLElement[];
  return h(
    'li',
    { class: `relation status-${relation.status}`, 'data-type': relation.type, 'data-relation-id': relation.id },
    h('div', { class: 'rel-line' }, h('span', { class: 'rel-sentence' }, sentence), statusBadge(relation.status)),
    h('div', { class: 'rel-meta' }, meta.flatMap((m, i) => (i === 0 ? [m] : [' · ', m]))),
    relation.qualifiers.note ? h('p', { class: 'note' }, relation.qualifiers.note) : null,
  );
}

function renderStatement(statement: ExplorerStatementFragment, showSpeaker: boolean): HTMLElement {
  const quote = statement.kind === 'QUOTE';
  return h(
    'li',
    { class: 'statement', 'data-statement-id': statement.id },
    h(
      'figure',
      {},
      h('blockquote', { class: quote ? 'quote' : 'reported' }, quote ? `“${statement.text}”` : statement.text),
      h(
        'figcaption',
        {},
        '— ',
        showSpeaker || !statement.speaker ? (statement.speaker ? entityLink(statement.speaker) : h('span', {}, 'unattributed')) : h('span', {}, statement.speaker.name),
        quote ? '' : ' (reported)',
        statement.reportedVia ? [' to ', h('span', {}, statement.reportedVia.name)] : null,
        ', ',
        statement.date ? h('time', { datetime: statement.date }, statement.date) : h('span', {}, 'undated'),
        statement.source ? [' · ', h('cite', {}, statement.source.title)] : null,
        ' ',
        statusBadge(statement.status),
      ),
      statement.about.length > 0
        ? h('p', { class: 'about' }, 'About: ', statement.about.flatMap((a, i) => (i === 0 ? [entityLink(a)] : [', ', entityLink(a)])))
        : null,
    ),
  );
}

function renderDetails(entity: Entity): void {
  const neighbours = neighboursOf(entity).length;
  const shown = revealed.get(entity.id) ?? 0;
  const section = (title: string, count: number, body: HTMLElement | null, empty: string) =>
    h('section', { class: 'panel-section' }, h('h3', {}, `${title} (${count})`), count > 0 ? body : h('p', { class: 'hint' }, empty));
  const parts: (HTMLElement | null)[] = [
    h(
      'div',
      { class: 'details-head' },
      h('span', { class: `kind-tag kind-${entity.kind}` }, kindIcon(entity.kind, 12), kindLabel(entity.kind)),
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close the details (Escape)', title: 'Close (Escape)', onclick: () => closeDetails(true) }, '×'),
    ),
    h('h2', { id: 'details-title', tabindex: '-1' }, entity.name),
    h('p', { class: 'entity-id' }, entity.id),
    entity.aliases.length > 0 ? h('p', { class: 'aliases' }, 'Also: ', entity.aliases.join(' · ')) : null,
    entity.description ? h('p', { class: 'description' }, entity.description) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: () => setPathEnd('from', entity) }, 'Path from here'),
      h('button', { type: 'button', onclick: () => setPathEnd('to', entity) }, 'Path to here'),
      neighbours > shown
        ? h(
            'button',
            { type: 'button', class: 'more', onclick: () => void openEntity(entity.id, entity, { more: true }) },
            `Show ${Math.min(EXPAND_LIMIT, neighbours - shown)} more neighbours (${shown} of ${neighbours} shown)`,
          )
        : null,
    ),
    section(
      'Relations',
      entity.relations.length,
      h('ul', { class: 'relations', 'aria-label': `Relations of ${entity.name}` }, entity.relations.map((r) => renderRelation(entity, r))),
      'No relations recorded.',
    ),
    section(
      'Statements made',
      entity.statements.length,
      h('ul', { class: 'statements', 'aria-label': `Statements by ${entity.name}` }, entity.statements.map((s) => renderStatement(s, false))),
      'No statements by this entity.',
    ),
    section(
      'Mentioned in',
      entity.mentionedIn.length,
      h('ul', { class: 'statements', 'aria-label': `Statements about ${entity.name}` }, entity.mentionedIn.map((s) => renderStatement(s, true))),
      'No statements mention this entity.',
    ),
  ];
  details.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
  details.hidden = false;
  document.body.classList.add('with-details');
  canvas.cy.resize();
}

function closeDetails(returnFocus: boolean): void {
  if (details.hidden) return;
  const wasInside = details.contains(document.activeElement);
  details.hidden = true;
  details.replaceChildren();
  document.body.classList.remove('with-details');
  canvas.cy.resize();
  if (returnFocus || wasInside) {
    const button = selectedId ? (nodeList.querySelector(`button[data-id="${CSS.escape(selectedId)}"]`) as HTMLElement | null) : null;
    (button ?? searchInput).focus();
  }
  announce('Details closed.');
}

// ---------------------------------------------------------------------------------------------
// Shortest path

function slot(which: 'from' | 'to'): void {
  const element = which === 'from' ? pathFromSlot : pathToSlot;
  const end = pathEnds[which];
  element.replaceChildren(
    h('span', { class: 'slot-label' }, which === 'from' ? 'from' : 'to'),
    end
      ? h(
          'span',
          { class: 'slot-value' },
          kindIcon(end.kind, 12),
          h('span', { class: 'slot-name', 'data-id': end.id }, end.name),
          h(
            'button',
            { type: 'button', class: 'slot-clear', 'aria-label': `Remove ${end.name} as the path's ${which === 'from' ? 'start' : 'end'}`, onclick: () => setPathEnd(which, null) },
            '×',
          ),
        )
      : h('span', { class: 'slot-empty' }, which === 'from' ? 'open an entity, “Path from here”' : '“Path to here”'),
  );
}

function updatePathBar(): void {
  slot('from');
  slot('to');
  pathFind.disabled = !(pathEnds.from && pathEnds.to);
  pathClear.disabled = !pathOn && !pathEnds.from && !pathEnds.to;
}

function setPathEnd(which: 'from' | 'to', entity: NodeData | null): void {
  pathEnds = { ...pathEnds, [which]: entity ? { id: entity.id, kind: entity.kind, name: entity.name } : null };
  updatePathBar();
  if (entity) announce(`Path ${which === 'from' ? 'start' : 'end'}: ${entity.name}.`);
  if (pathEnds.from && pathEnds.to) void findPath();
}

async function findPath(): Promise<void> {
  const { from, to } = pathEnds;
  if (!from || !to) return;
  announce(`Looking for a path from ${from.name} to ${to.name}…`);
  let path;
  try {
    path = (await request(PathQuery, { fromId: from.id, toId: to.id })).shortestPath;
  } catch (error) {
    showError(error, 'find a path');
    return;
  }
  hideError();
  pathResult.hidden = false;
  if (!path) {
    pathOn = null;
    canvas.highlight([], []);
    pathResult.replaceChildren(h('p', {}, `No path of 6 hops or fewer joins ${from.name} and ${to.name}.`));
    announce(pathResult.textContent ?? '');
    refreshNodeList();
    updatePathBar();
    return;
  }
  let previous: string | undefined;
  for (const node of path.nodes) {
    canvas.addNode(node, previous);
    previous = node.id;
  }
  for (const edge of path.edges) canvas.addEdge({ ...edge, symmetric: symmetricTypes.has(edge.type) });
  pathOn = { nodes: path.nodes.map((n) => n.id), edges: path.edges.map((e) => e.id) };
  canvas.highlight(pathOn.nodes, pathOn.edges);
  canvas.layout();
  canvasElement.dataset.path = `${pathOn.nodes.length} nodes, ${pathOn.edges.length} edges`;
  const steps = path.edges.map((edge, i) => {
    const a = path.nodes[i]!;
    const b = path.nodes[i + 1]!;
    const forward = edge.from === a.id;
    return h(
      'li',
      {},
      entityLink(a),
      h('span', { class: 'step' }, forward ? ` —${edge.type}→ ` : ` ←${edge.type}— `),
      entityLink(b),
      ' ',
      statusBadge(edge.status),
    );
  });
  pathResult.replaceChildren(
    h(
      'div',
      { class: 'path-head' },
      h('strong', {}, `Shortest path, length ${path.length}`),
      h('span', {}, `: ${from.name} to ${to.name}`),
      h('button', { type: 'button', class: 'quiet', onclick: () => clearPath() }, 'Clear'),
    ),
    path.length === 0 ? h('p', {}, 'The start is the end.') : h('ol', { class: 'path-steps' }, steps),
  );
  refreshNodeList();
  updatePathBar();
  announce(`Shortest path of length ${path.length}: ${path.nodes.map((n) => n.name).join(', then ')}.`);
}

function clearPath(): void {
  pathOn = null;
  pathEnds = { from: null, to: null };
  canvas.highlight([], []);
  delete canvasElement.dataset.path;
  pathResult.hidden = true;
  pathResult.replaceChildren();
  refreshNodeList();
  updatePathBar();
  announce('Path cleared.');
}

pathFind.addEventListener('click', () => void findPath());
pathClear.addEventListener('click', () => clearPath());

// ---------------------------------------------------------------------------------------------
// Keyboard and start-up

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  if (!searchResults.hidden) closeResults();
  else if (!details.hidden) closeDetails(true);
  else if (!errorBox.hidden) hideError();
});

// Enter on the focused canvas opens the selected entity's next neighbours, as a click would.
canvasElement.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && selectedId) void openEntity(selectedId, undefined, { more: true });
});

function renderTry(): void {
  const examples = ['Alaudinov', 'Kurakhove', 'Kursk'];
  byId('try').replaceChildren(
    ...examples.flatMap((text, i) => [
      i > 0 ? ', ' : '',
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => {
            searchInput.value = text;
            searchInput.focus();
            void runSearch(text);
          },
        },
        text,
      ),
    ]),
  );
}

async function start(): Promise<void> {
  renderLegend();
  renderTry();
  updatePathBar();
  refreshNodeList();
  try {
    const { relationTypes } = await request(RelationTypesQuery, {});
    symmetricTypes.clear();
    for (const type of relationTypes) {
      if (type.symmetric) symmetricTypes.add(type.name);
      typeDescriptions.set(type.name, type.description);
    }
    document.body.dataset.ready = 'true';
  } catch (error) {
    showError(error, 'load the relation vocabulary');
    document.body.dataset.ready = 'error';
  }
}

void start();
