/**
 * The analysts' explorer, served at / by this server and bundled by tools/build-explorer.ts. It
 * speaks only to the public GraphQL API at /graphql on the same origin: search as you type, open
 * an entity on the canvas and in the side panel (facts with their attributions, statements as
 * quotes), expand its neighbours, the competing claims about a place or event side by side, a
 * timeline whose chosen period the canvas follows, the k shortest paths between two entities,
 * a map of the places with coordinates, and the review of changesets read from new articles.
 */
import '../explorer.css';
import type { EntityKind, ExplorerEntityQuery, ExplorerPathsQuery, ExplorerStatementFragment, TimelineEntryKind } from '../gql/graphql.js';
import { ApiError, request } from './api.js';
import { byId, h } from './dom.js';
import { renderClaims } from './claims-view.js';
import { createCanvas, type NodeData } from './graph.js';
import { KINDS, KIND_ORDER, PLACE_KINDS, STATUSES, STATUS_ORDER, kindLabel } from './look.js';
import { drawMap, located, placeList, type DrawnMap, type Located } from './map-view.js';
import {
  ClaimsQuery,
  EntityQuery,
  NearQuery,
  PathsQuery,
  PeriodEventsQuery,
  PeriodNeighbourhoodQuery,
  PlacesQuery,
  RelationTypesQuery,
  SearchQuery,
  TimelineCountQuery,
  TimelineQuery,
} from './operations.js';
import { createReviewView } from './review-view.js';
import { renderEntries } from './timeline-view.js';
import {
  attributionList,
  entityLink,
  kindIcon,
  onOpenEntity,
  stanceBadge,
  statusBadge,
  statusLineIcon,
  timeElement,
  type EntityRef,
} from './widgets.js';

type Entity = NonNullable<ExplorerEntityQuery['entity']>;
type Relation = Entity['relations'][number];
type Path = ExplorerPathsQuery['paths'][number];

/** New neighbours an expansion adds at most; "Show more" adds as many again. */
const EXPAND_LIMIT = 8;
const SEARCH_DEBOUNCE_MS = 200;
const SEARCH_FIRST = 10;
/** How many shortest paths to ask for. */
const PATHS_FIRST = 3;
const TIMELINE_PAGE = 50;

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
const periodBar = byId('period-bar');
const claimsPanel = byId('claims-view');
const timelineFrom = byId<HTMLInputElement>('timeline-from');
const timelineTo = byId<HTMLInputElement>('timeline-to');
const timelineAbout = byId<HTMLInputElement>('timeline-about');
const timelineAboutLabel = byId('timeline-about-label');
const timelineList = byId('timeline-list');
const timelineSummary = byId('timeline-summary');
const timelineMore = byId<HTMLButtonElement>('timeline-more');
const mapStage = byId('map-stage');
const mapInfo = byId('map-info');
const mapExtent = byId<HTMLSelectElement>('map-extent');

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
/** The period the canvas follows, chosen on the timeline; null: all time. */
let period: { from: string; to: string } | null = null;
/** The canvas's node and edge ids that fall in the period; null when no period is chosen. */
let periodInside: ReadonlySet<string> | null = null;

onOpenEntity((entity) => {
  showView('graph');
  void openEntity(entity.id, entity.kind ? { id: entity.id, name: entity.name, kind: entity.kind } : undefined);
});

// ---------------------------------------------------------------------------------------------
// Messages

function showError(error: unknown, doing: string): void {
  const code = error instanceof ApiError ? error.code : 'CLIENT_ERROR';
  const message = error instanceof Error ? error.message : String(error);
  const title =
    code === 'NETWORK_ERROR'
      ? 'The server is unreachable'
      : code === 'UNAUTHENTICATED'
        ? 'The server asks for credentials'
        : `Could not ${doing}`;
  const help =
    code === 'UNAUTHENTICATED'
      ? 'Its reads are closed (READ_ACCESS=closed): give a token in the Review tab (the page then sends it with every request), or ask its operator to open reads.'
      : code === 'NETWORK_ERROR'
        ? null
        : null;
  errorBox.replaceChildren(
    h('strong', {}, title),
    ' ',
    h('code', { class: 'code' }, code),
    ' ',
    h('span', { class: 'message' }, message, help ? ` ${help}` : ''),
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
    { class: 'legend-statuses', 'aria-label': 'Fact status' },
    STATUS_ORDER.map((status) => {
      const look = STATUSES[status];
      return h('li', { title: look.meaning }, statusLineIcon(status), h('span', {}, look.label, h('small', {}, ` ${look.meaning}`)));
    }),
  );
  legend.append(
    kinds,
    statuses,
    h(
      'p',
      { class: 'hint' },
      'Relations are drawn by their status; an event’s border is drawn the same way. Arrows run from a relation’s start to its end; symmetric ones (NEAR, ALLIED_WITH) have none.',
    ),
  );
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
  showView('graph');
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
  if ('status' in entity && entity.kind === 'EVENT') canvas.setStatus(entity.id, entity.status);
  const before = canvas.nodes().length;
  expand(entity, options.more || !revealed.has(id) ? EXPAND_LIMIT : 0);
  const added = canvas.nodes().length - before;
  selectedId = id;
  canvas.select(id);
  // The panel first: the layout then fits the graph into the canvas that is left beside it.
  renderDetails(entity);
  if (isNew || added > 0) canvas.layout();
  if (period && (isNew || added > 0)) void followPeriod();
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
        periodInside && !periodInside.has(node.id) ? 'outside the period' : null,
        hidden > 0 ? `${hidden} more neighbours` : null,
      ].filter(Boolean);
      return h(
        'li',
        {
          'data-on-path': onPath.has(node.id) ? 'true' : null,
          'data-in-period': periodInside ? String(periodInside.has(node.id)) : null,
        },
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
  period = null;
  periodInside = null;
  renderPeriodBar(null);
  pathResult.hidden = true;
  closeDetails(false);
  refreshNodeList();
  updatePathBar();
  searchInput.focus();
  announce('The canvas is empty.');
});

// ---------------------------------------------------------------------------------------------
// The side panel

function qualifierText(q: Relation['qualifiers']): string[] {
  const approx = (n: number) =>
    q.approximation === 'APPROXIMATE' ? `about ${n}` :
    q.approximation === 'MORE_THAN' ? `over ${n}` :
    q.approximation === 'AT_LEAST' ? `at least ${n}` :
    q.approximation === 'AT_MOST' ? `at most ${n}` : String(n);
  return [
    q.participantRole ? `role: ${q.participantRole.toLowerCase().replace(/_/g, ' ')}` : null,
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
  const sentence = relation.direction === 'IN' ? [other, ' ', type, ' ', here] : [here, ' ', type, ' ', other];
  const meta = [
    relation.time ? timeElement(relation.time) : null,
    ...qualifierText(relation.qualifiers).map((text) => h('span', {}, text)),
  ].filter(Boolean) as HTMLElement[];
  return h(
    'li',
    { class: `relation status-${relation.status}`, 'data-type': relation.type, 'data-relation-id': relation.id },
    h('div', { class: 'rel-line' }, h('span', { class: 'rel-sentence' }, sentence), statusBadge(relation.status)),
    meta.length > 0 ? h('div', { class: 'rel-meta' }, meta.flatMap((m, i) => (i === 0 ? [m] : [' · ', m]))) : null,
    relation.qualifiers.note ? h('p', { class: 'note' }, relation.qualifiers.note) : null,
    h('details', { class: 'rel-attributions' },
      h('summary', {}, `Who says so (${relation.attributions.length})`, ': ', relation.attributions.map((a, i) => [i > 0 ? ', ' : '', a.claimant?.name ?? 'the source', ' ', stanceBadge(a.stance)])),
      attributionList(relation.attributions, `Attributions of ${relation.type}`),
    ),
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

function quantityText(q: Extract<Entity, { eventType: unknown }>['quantities'][number]): string {
  const number =
    q.value != null
      ? `${q.approximation === 'APPROXIMATE' ? 'about ' : q.approximation === 'MORE_THAN' ? 'over ' : q.approximation === 'AT_LEAST' ? 'at least ' : q.approximation === 'AT_MOST' ? 'at most ' : ''}${q.value.toLocaleString('en')}`
      : q.min != null || q.max != null
        ? `${q.min ?? '?'}–${q.max ?? '?'}`
        : '';
  return [q.measure.toLowerCase().replace(/_/g, ' '), number, q.unit ?? '', q.wording ? `(“${q.wording}”)` : ''].filter(Boolean).join(' ');
}

/** The event's own part of the panel: type, time, numbers, and who says it happened. */
function eventSection(entity: Entity): HTMLElement | null {
  if (!('eventType' in entity)) return null;
  const participants = entity.relations.filter((r) => r.type === 'PARTICIPATED_IN');
  return h(
    'section',
    { class: 'panel-section event-facts' },
    h('h3', {}, 'The event'),
    h(
      'dl',
      {},
      h('dt', {}, 'Type'),
      h('dd', {}, entity.eventType.toLowerCase()),
      h('dt', {}, 'When'),
      h('dd', {}, entity.time ? timeElement(entity.time) : 'the source does not say'),
      h('dt', {}, 'Status'),
      h('dd', {}, statusBadge(entity.status)),
      participants.length > 0 ? [h('dt', {}, 'Who took part'), h('dd', {}, participants.flatMap((r, i) => [i > 0 ? '; ' : '', entityLink(r.node), r.qualifiers.participantRole ? ` (${r.qualifiers.participantRole.toLowerCase().replace(/_/g, ' ')})` : '']))] : null,
      entity.quantities.length > 0 ? [h('dt', {}, 'Numbers'), h('dd', {}, entity.quantities.map(quantityText).join('; '))] : null,
    ),
    h('h4', {}, `Who says it happened (${entity.attributions.length})`),
    attributionList(entity.attributions, `Attributions of ${entity.name}`),
  );
}

function placeSection(entity: Entity): HTMLElement | null {
  if (!('location' in entity)) return null;
  const location = entity.location;
  return h(
    'section',
    { class: 'panel-section place-facts' },
    h('h3', {}, 'Where'),
    h(
      'p',
      {},
      location
        ? `${location.latitude.toFixed(2)}° N, ${location.longitude.toFixed(2)}° E${location.precision === 'APPROXIMATE' ? ' (approximate, public knowledge)' : ''}`
        : 'No position recorded.',
      entity.within.length > 0 ? [' · in ', entity.within.flatMap((w, i) => [i > 0 ? ' › ' : '', entityLink(w)])] : null,
    ),
  );
}

function renderDetails(entity: Entity): void {
  const neighbours = neighboursOf(entity).length;
  const shown = revealed.get(entity.id) ?? 0;
  const isPlace = PLACE_KINDS.includes(entity.kind);
  const hasClaims = isPlace || entity.kind === 'EVENT';
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
      hasClaims ? h('button', { type: 'button', class: 'primary', onclick: () => void openClaims(entity) }, 'Claims side by side') : null,
      h('button', { type: 'button', onclick: () => void openTimeline(entity) }, 'Timeline'),
      isPlace && 'location' in entity && entity.location ? h('button', { type: 'button', onclick: () => void openMap(entity.id) }, 'On the map') : null,
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
    eventSection(entity),
    placeSection(entity),
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
// Views: the graph, the claims, the timeline, the map (a tab list, arrow keys move between tabs)

type View = 'graph' | 'claims' | 'timeline' | 'map' | 'review';
const VIEWS: readonly View[] = ['graph', 'claims', 'timeline', 'map', 'review'];
const review = createReviewView({ announce: (text) => announce(text), showError: (error, doing) => showError(error, doing), hideError: () => hideError() });
const tabs = new Map(VIEWS.map((view) => [view, byId<HTMLButtonElement>(`tab-${view}`)]));
const panels = new Map(VIEWS.map((view) => [view, byId(`view-${view}`)]));
let currentView: View = 'graph';

function showView(view: View, focus = false): void {
  currentView = view;
  for (const v of VIEWS) {
    const selected = v === view;
    tabs.get(v)!.setAttribute('aria-selected', selected ? 'true' : 'false');
    tabs.get(v)!.tabIndex = selected ? 0 : -1;
    panels.get(v)!.hidden = !selected;
  }
  if (view === 'graph') canvas.cy.resize();
  if (view === 'timeline' && timelineList.childElementCount === 0) void loadTimeline(false);
  if (view === 'map') void loadPlaces();
  if (view === 'review') review.shown();
  if (focus) tabs.get(view)!.focus();
}

for (const [view, tab] of tabs) {
  tab.addEventListener('click', () => showView(view));
  tab.addEventListener('keydown', (event) => {
    const index = VIEWS.indexOf(view);
    const next =
      event.key === 'ArrowRight' ? VIEWS[(index + 1) % VIEWS.length] :
      event.key === 'ArrowLeft' ? VIEWS[(index - 1 + VIEWS.length) % VIEWS.length] :
      event.key === 'Home' ? VIEWS[0] :
      event.key === 'End' ? VIEWS[VIEWS.length - 1] : undefined;
    if (next) {
      event.preventDefault();
      showView(next, true);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Claims side by side

async function openClaims(about: EntityRef): Promise<void> {
  // The columns need the room the side panel takes.
  closeDetails(false);
  showView('claims');
  claimsPanel.replaceChildren(h('p', { class: 'hint' }, `Loading the claims about ${about.name}…`));
  announce(`Loading the claims about ${about.name}…`);
  try {
    const { claims } = await request(ClaimsQuery, { aboutId: about.id });
    hideError();
    renderClaims(claimsPanel, about, claims);
    claimsPanel.dataset.about = about.id;
    const parties = new Set(claims.flatMap((g) => g.claims.map((c) => c.attribution.claimant?.id ?? '')));
    announce(`Claims about ${about.name}: ${claims.length} questions, ${parties.size} parties.`);
    byId('claims-title').focus();
  } catch (error) {
    claimsPanel.replaceChildren(h('p', { class: 'hint' }, `The claims about ${about.name} could not be loaded.`));
    showError(error, `load the claims about ${about.name}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The timeline, and the period the canvas follows

/** A question the timeline list answers: its filters as asked, where its pages are, its count. */
interface TimelineQuestion {
  readonly from: string | null;
  readonly to: string | null;
  readonly entityId: string | null;
  readonly kinds: TimelineEntryKind[];
  /** " about …", " from … to …", as the summary says them. */
  readonly described: string;
  cursor: string | null;
  /** Entries on the list; null until the first page is there. */
  shown: number | null;
  /** The entries in all: null while they are counted, 'failed' when they could not be. */
  total: number | null | 'failed';
}

let timelineQuestion: TimelineQuestion | null = null;
let timelineEntity: EntityRef | null = null;
/** Only the latest page asked for is shown (an earlier one may arrive later). */
let timelinePagesAsked = 0;

function askedTimelineQuestion(): TimelineQuestion {
  const from = timelineFrom.value || null;
  const to = timelineTo.value || null;
  const entityId = timelineAbout.checked && timelineEntity ? timelineEntity.id : null;
  const kinds = [...document.querySelectorAll<HTMLInputElement>('input[name="timeline-kind"]:checked')].map((box) => box.value as TimelineEntryKind);
  const window = from || to ? ` from ${from ?? 'the beginning'} to ${to ?? 'the end'}` : '';
  const about = entityId && timelineEntity ? ` about ${timelineEntity.name}` : '';
  return { from, to, entityId, kinds, described: `${about}${window}`, cursor: null, shown: null, total: null };
}

/** "Load more" goes on with the question on the list, whatever the form says since. */
async function loadTimeline(append: boolean): Promise<void> {
  const question = append && timelineQuestion !== null ? timelineQuestion : askedTimelineQuestion();
  if (question !== timelineQuestion) {
    timelineQuestion = question;
    void countTimeline(question);
  }
  const asked = ++timelinePagesAsked;
  const { from, to, entityId, kinds } = question;
  timelineSummary.textContent = 'Loading…';
  try {
    const { timeline } = await request(TimelineQuery, { from, to, entityId, kinds, first: TIMELINE_PAGE, after: append ? question.cursor : null });
    if (asked !== timelinePagesAsked) return;
    hideError();
    renderEntries(timelineList, timeline.nodes, { choosePeriod: (a, b) => void choosePeriod(a, b) }, append, from);
    question.cursor = timeline.pageInfo.endCursor ?? null;
    question.shown = timelineList.querySelectorAll('li.entry').length;
    timelineMore.hidden = !timeline.pageInfo.hasNextPage;
    summarizeTimeline(question);
    announce(timelineSummary.textContent ?? '');
  } catch (error) {
    if (asked !== timelinePagesAsked) return;
    timelineSummary.textContent = 'The timeline could not be loaded.';
    showError(error, 'load the timeline');
  }
}

/** The count comes on its own; a count that fails leaves the pages as they are. */
async function countTimeline(question: TimelineQuestion): Promise<void> {
  const { from, to, entityId, kinds } = question;
  try {
    question.total = (await request(TimelineCountQuery, { from, to, entityId, kinds })).timeline.totalCount;
  } catch {
    question.total = 'failed';
  }
  if (question === timelineQuestion && question.shown !== null) summarizeTimeline(question);
}

function summarizeTimeline({ shown, total, described }: TimelineQuestion): void {
  timelineSummary.textContent =
    total === null ? `${shown} entries${described}; counting them all…` :
    total === 'failed' ? `${shown} entries${described}; they could not be counted.` :
    `${shown} of ${total} entries${described}.`;
}

async function openTimeline(entity: EntityRef | null): Promise<void> {
  timelineEntity = entity;
  timelineAbout.checked = entity !== null;
  timelineAbout.disabled = entity === null;
  timelineAboutLabel.textContent = entity ? `Only about ${entity.name}` : 'Only about the open entity';
  timelineList.replaceChildren(h('li', { class: 'hint' }, 'Loading…'));
  showView('timeline');
  await loadTimeline(false);
}

byId('timeline-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (timelineFrom.value && timelineTo.value && timelineTo.value < timelineFrom.value) {
    timelineSummary.textContent = '“To” comes before “from”: choose a later day.';
    timelineTo.focus();
    return;
  }
  void loadTimeline(false);
});
timelineMore.addEventListener('click', () => void loadTimeline(true));
document.querySelectorAll('input[name="timeline-kind"]').forEach((box) => box.addEventListener('change', () => void loadTimeline(false)));
byId('timeline-follow').addEventListener('click', () => {
  if (!timelineFrom.value && !timelineTo.value) {
    timelineSummary.textContent = 'Choose a “from” or a “to” day for the canvas to follow.';
    timelineFrom.focus();
    return;
  }
  void choosePeriod(timelineFrom.value || '0001-01-01', timelineTo.value || '9999-12-31');
});

function renderPeriodBar(chosen: { from: string; to: string } | null, summary = ''): void {
  periodBar.hidden = chosen === null;
  if (!chosen) {
    periodBar.replaceChildren();
    return;
  }
  periodBar.replaceChildren(
    h('strong', {}, 'Period: '),
    h('time', { datetime: chosen.from }, chosen.from),
    ' – ',
    h('time', { datetime: chosen.to }, chosen.to),
    h('span', { class: 'period-summary' }, summary ? ` · ${summary}` : ''),
    h('button', { type: 'button', class: 'quiet', onclick: () => clearPeriod() }, 'All time'),
  );
}

async function choosePeriod(from: string, to: string): Promise<void> {
  period = { from, to };
  timelineFrom.value = from === '0001-01-01' ? '' : from;
  timelineTo.value = to === '9999-12-31' ? '' : to;
  showView('graph');
  renderPeriodBar(period, 'loading…');
  await followPeriod();
}

/**
 * Fades what on the canvas falls outside the period: relations whose time does not overlap it
 * (undated ones too, as the API's window filter leaves them out), and events that did not happen
 * in it; an event's participants and places stay lit while it does.
 */
async function followPeriod(): Promise<void> {
  const chosen = period;
  if (!chosen) return;
  const centres = [...loaded.keys()].filter((id) => canvas.hasNode(id));
  try {
    const [neighbourhoods, { events }] = await Promise.all([
      Promise.all(centres.map((id) => request(PeriodNeighbourhoodQuery, { id, from: chosen.from, to: chosen.to }))),
      request(PeriodEventsQuery, { from: chosen.from, to: chosen.to }),
    ]);
    if (period !== chosen) return;
    hideError();
    const inside = new Set<string>();
    for (const { neighborhood } of neighbourhoods) {
      for (const edge of neighborhood.edges) {
        inside.add(edge.id);
        inside.add(edge.from);
        inside.add(edge.to);
      }
    }
    const eventIds = new Set(events.nodes.map((e) => e.id));
    for (const id of eventIds) inside.add(id);
    canvas.cy.edges().forEach((edge) => {
      const ends = [edge.source().id(), edge.target().id()];
      if (ends.some((id) => eventIds.has(id))) {
        inside.add(edge.id());
        for (const id of ends) inside.add(id);
      }
    });
    canvas.setPeriod(inside);
    periodInside = inside;
    refreshNodeList();
    const nodes = canvas.nodes().filter((n) => inside.has(n.id)).length;
    const edges = canvas.cy.edges().filter((e) => inside.has(e.id())).length;
    const summary = `${nodes} of ${canvas.nodes().length} entities and ${edges} of ${canvas.cy.edges().length} relations on the canvas fall in it; ${events.totalCount} events in all`;
    canvasElement.dataset.period = `${chosen.from}..${chosen.to}`;
    renderPeriodBar(chosen, summary);
    announce(`Period ${chosen.from} to ${chosen.to}: ${summary}.`);
  } catch (error) {
    showError(error, 'follow the period on the canvas');
    renderPeriodBar(chosen, 'could not be loaded');
  }
}

function clearPeriod(): void {
  period = null;
  periodInside = null;
  refreshNodeList();
  canvas.setPeriod(null);
  delete canvasElement.dataset.period;
  renderPeriodBar(null);
  announce('The canvas shows all time again.');
}

// ---------------------------------------------------------------------------------------------
// The map

let places: Located[] | null = null;
let drawn: DrawnMap | null = null;
let chosenPlace: Located | null = null;
let nearPlaces: { id: string; distanceKm: number }[] = [];

const THEATRE: readonly string[] = ['REGION', 'SETTLEMENT'];

/** The places the map is fitted to, by the extent chosen. */
function mapExtentPlaces(all: readonly Located[]): { shown: readonly Located[]; title: string } {
  if (mapExtent.value === 'around' && chosenPlace) {
    const ids = new Set([chosenPlace.place.id, ...nearPlaces.map((n) => n.id)]);
    return { shown: all.filter((p) => ids.has(p.place.id)), title: `Map around ${chosenPlace.place.name}` };
  }
  if (mapExtent.value === 'all') return { shown: all, title: 'Map of every place with coordinates' };
  return { shown: all.filter((p) => THEATRE.includes(p.place.kind)), title: 'Map of the regions and settlements with coordinates' };
}

function redrawMap(): void {
  if (!places) return;
  const { shown, title } = mapExtentPlaces(places);
  drawn = drawMap(places, shown.length > 0 ? shown : places, { choose: (p) => void choosePlace(p) }, title);
  const focused = (document.activeElement as Element | null)?.closest('#map-stage g.place')?.getAttribute('data-id');
  mapStage.replaceChildren(drawn.element, placeList(places, { choose: (p) => void choosePlace(p) }));
  if (chosenPlace) {
    drawn.mark(chosenPlace.place.id);
    drawn.showNear(chosenPlace, nearPlaces);
  }
  if (focused) mapStage.querySelector<SVGElement>(`g.place[data-id="${CSS.escape(focused)}"]`)?.focus();
}

let placesLoading: Promise<Located[] | null> | null = null;

/** Loads the places once (again after a failure) and draws the map. */
function loadPlaces(): Promise<Located[] | null> {
  if (places) return Promise.resolve(places);
  placesLoading ??= (async () => {
    mapStage.replaceChildren(h('p', { class: 'hint' }, 'Loading the places…'));
    try {
      places = located((await request(PlacesQuery, {})).entities);
      hideError();
      redrawMap();
      return places;
    } catch (error) {
      mapStage.replaceChildren(h('p', { class: 'hint' }, 'The places could not be loaded.'));
      showError(error, 'load the places for the map');
      return null;
    } finally {
      placesLoading = null;
    }
  })();
  return placesLoading;
}

async function openMap(placeId: string | null): Promise<void> {
  showView('map');
  const all = await loadPlaces();
  const place = placeId ? all?.find((p) => p.place.id === placeId) : null;
  if (place) await choosePlace(place);
}

/** Chooses a place: the map zooms to it and the places within the distance asked, drawn with their distances. */
async function choosePlace(place: Located): Promise<void> {
  chosenPlace = place;
  nearPlaces = [];
  drawn?.mark(place.place.id);
  const kmInput = h('input', { id: 'near-km', type: 'number', min: '1', max: '20000', step: '1', value: mapInfo.querySelector<HTMLInputElement>('#near-km')?.value ?? '50' });
  const nearList = h('ul', { class: 'near-list', 'aria-label': `Places near ${place.place.name}` });
  const form = h(
    'form',
    { class: 'near-form' },
    h('label', { for: 'near-km' }, 'Places within '),
    kmInput,
    h('span', {}, ' km '),
    h('button', { type: 'submit' }, 'Show'),
  );
  const find = async () => {
    const km = Number((kmInput as HTMLInputElement).value);
    try {
      const { near } = await request(NearQuery, { placeId: place.place.id, km });
      if (chosenPlace !== place) return;
      hideError();
      nearPlaces = near.map((n) => ({ id: n.place.id, distanceKm: n.distanceKm }));
      mapExtent.value = 'around';
      redrawMap();
      nearList.replaceChildren(
        ...(near.length === 0
          ? [h('li', { class: 'hint' }, `Nothing within ${km} km.`)]
          : near.map((n) => h('li', {}, entityLink(n.place), ` ${n.distanceKm.toFixed(1)} km`))),
      );
      announce(`${near.length} places within ${km} km of ${place.place.name}; the map shows them around it.`);
    } catch (error) {
      showError(error, `find places near ${place.place.name}`);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void find();
  });
  mapInfo.replaceChildren(
    h('h3', {}, kindIcon(place.place.kind), ' ', place.place.name),
    h('p', {}, `${place.latitude.toFixed(2)}, ${place.longitude.toFixed(2)}${place.approximate ? ' (approximate)' : ''} · `, entityLink(place.place)),
    form,
    nearList,
  );
  await find();
}

mapExtent.addEventListener('change', () => redrawMap());

// ---------------------------------------------------------------------------------------------
// The k shortest paths

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
  if (pathEnds.from && pathEnds.to) void findPaths();
}

let foundPaths: Path[] = [];

function pathSteps(path: Path): HTMLElement {
  return h(
    'ol',
    { class: 'path-steps' },
    path.edges.map((edge, i) => {
      const a = path.nodes[i]!;
      const b = path.nodes[i + 1]!;
      const forward = edge.from === a.id;
      return h('li', {}, entityLink(a), h('span', { class: 'step' }, forward ? ` —${edge.type}→ ` : ` ←${edge.type}— `), entityLink(b), ' ', statusBadge(edge.status));
    }),
  );
}

/** Puts one of the paths found on the canvas and highlights it. */
function choosePath(index: number): void {
  const path = foundPaths[index];
  if (!path) return;
  let previous: string | undefined;
  let added = 0;
  for (const node of path.nodes) {
    if (canvas.addNode(node, previous)) added++;
    previous = node.id;
  }
  for (const edge of path.edges) canvas.addEdge({ ...edge, symmetric: symmetricTypes.has(edge.type) });
  pathOn = { nodes: path.nodes.map((n) => n.id), edges: path.edges.map((e) => e.id) };
  canvas.highlight(pathOn.nodes, pathOn.edges);
  // Laid out again only when the path brought new nodes: choosing among paths keeps the picture still.
  if (added > 0) canvas.layout();
  canvasElement.dataset.path = `${pathOn.nodes.length} nodes, ${pathOn.edges.length} edges`;
  pathResult.querySelectorAll<HTMLElement>('[role="radio"]').forEach((radio, i) => {
    radio.setAttribute('aria-checked', i === index ? 'true' : 'false');
    radio.tabIndex = i === index ? 0 : -1;
  });
  pathResult.querySelectorAll<HTMLElement>('.path-option').forEach((option, i) => option.classList.toggle('chosen', i === index));
  refreshNodeList();
  updatePathBar();
  announce(`Path ${index + 1} of ${foundPaths.length}, length ${path.length}: ${path.nodes.map((n) => n.name).join(', then ')}.`);
}

async function findPaths(): Promise<void> {
  const { from, to } = pathEnds;
  if (!from || !to) return;
  announce(`Looking for paths from ${from.name} to ${to.name}…`);
  try {
    foundPaths = (await request(PathsQuery, { fromId: from.id, toId: to.id, first: PATHS_FIRST })).paths;
  } catch (error) {
    showError(error, 'find paths');
    return;
  }
  hideError();
  showView('graph');
  pathResult.hidden = false;
  if (foundPaths.length === 0) {
    pathOn = null;
    canvas.highlight([], []);
    pathResult.replaceChildren(h('p', {}, `No path of 6 hops or fewer joins ${from.name} and ${to.name}.`));
    announce(pathResult.textContent ?? '');
    refreshNodeList();
    updatePathBar();
    return;
  }
  const options = foundPaths.map((path, index) =>
    h(
      'li',
      { class: 'path-option', 'data-index': index },
      h(
        'div',
        {
          role: 'radio',
          tabindex: index === 0 ? '0' : '-1',
          'aria-checked': index === 0 ? 'true' : 'false',
          class: 'path-choice',
          onclick: () => choosePath(index),
          onkeydown: (event: Event) => {
            const key = (event as KeyboardEvent).key;
            const next = key === 'ArrowDown' || key === 'ArrowRight' ? index + 1 : key === 'ArrowUp' || key === 'ArrowLeft' ? index - 1 : null;
            if (key === 'Enter' || key === ' ') {
              event.preventDefault();
              choosePath(index);
            } else if (next !== null) {
              event.preventDefault();
              const target = (next + foundPaths.length) % foundPaths.length;
              choosePath(target);
              pathResult.querySelectorAll<HTMLElement>('[role="radio"]')[target]?.focus();
            }
          },
        },
        `Path ${index + 1}, length ${path.length}: `,
        h('span', { class: 'path-names' }, path.nodes.map((n) => n.name).join(' → ')),
      ),
      pathSteps(path),
    ),
  );
  pathResult.replaceChildren(
    h(
      'div',
      { class: 'path-head' },
      h('strong', { id: 'paths-title' }, `${foundPaths.length} shortest path${foundPaths.length === 1 ? '' : 's'}`),
      h('span', {}, `: ${from.name} to ${to.name}`),
      h('button', { type: 'button', class: 'quiet', onclick: () => clearPath() }, 'Clear'),
    ),
    h('ul', { class: 'path-options', role: 'radiogroup', 'aria-labelledby': 'paths-title' }, options),
  );
  choosePath(0);
}

function clearPath(): void {
  pathOn = null;
  foundPaths = [];
  pathEnds = { from: null, to: null };
  canvas.highlight([], []);
  delete canvasElement.dataset.path;
  pathResult.hidden = true;
  pathResult.replaceChildren();
  refreshNodeList();
  updatePathBar();
  announce('Path cleared.');
}

pathFind.addEventListener('click', () => void findPaths());
pathClear.addEventListener('click', () => clearPath());

// ---------------------------------------------------------------------------------------------
// Keyboard and start-up

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  if (!searchResults.hidden) closeResults();
  else if (!details.hidden) closeDetails(true);
  else if (!errorBox.hidden) hideError();
  else if (currentView !== 'graph') showView('graph', true);
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
  showView('graph');
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
