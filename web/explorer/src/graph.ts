/**
 * The canvas: a cytoscape.js graph whose nodes are coloured and shaped by kind (events are pink
 * stars, their border drawn by their claim status) and whose edges are labelled by relation type
 * and drawn by claim status (solid for CONFIRMED, dashed or dotted and coloured otherwise), with
 * a chosen path's elements highlighted and the rest faded, and what falls outside a chosen period
 * faded too.
 */
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import type { ClaimStatus, EntityKind } from '../gql/graphql.js';
import { KINDS, KIND_ORDER, STATUSES, type DrawnStatus } from './look.js';

export interface NodeData {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
}

const DRAWN_STATUSES = Object.keys(STATUSES) as DrawnStatus[];

export interface EdgeData {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly status: ClaimStatus;
  readonly symmetric: boolean;
}

function styles(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 30,
        height: 30,
        'font-size': 12,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: '#0f172a',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
    ...KIND_ORDER.map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': KINDS[kind].color, shape: KINDS[kind].shape },
    })),
    // An event is a fact too: its border says how much it is to be believed.
    ...DRAWN_STATUSES.map((status) => {
      const look = STATUSES[status];
      return {
        selector: `node[kind = "EVENT"][status = "${status}"]`,
        style: {
          'border-color': look.color,
          'border-width': 3,
          'border-style': look.line === 'solid' ? 'solid' : look.line === 'dotted' ? 'dotted' : 'dashed',
        },
      };
    }),
    { selector: 'node[kind = "EVENT"]', style: { width: 34, height: 34 } },
    {
      selector: 'node.selected',
      style: { 'border-color': '#0f172a', 'border-width': 4, width: 36, height: 36, 'font-weight': 'bold' },
    },
    {
      selector: 'edge',
      style: {
        label: 'data(type)',
        width: 2,
        'curve-style': 'bezier',
        'control-point-step-size': 36,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'font-size': 9,
        'font-family': 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
        color: '#334155',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
      },
    },
    ...DRAWN_STATUSES.map((status) => {
      const look = STATUSES[status];
      return {
        selector: `edge[status = "${status}"]`,
        style: {
          'line-color': look.color,
          'target-arrow-color': look.color,
          'line-style': look.line === 'solid' ? 'solid' : 'dashed',
          ...(look.line === 'solid' ? {} : { 'line-dash-pattern': [...look.dash] }),
          ...(status === 'CONFIRMED' ? {} : { width: 2.5 }),
        },
      };
    }),
    { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
    { selector: '.faded', style: { opacity: 0.22 } },
    { selector: '.out-of-period', style: { opacity: 0.12 } },
    { selector: 'edge.in-period', style: { width: 3.5 } },
    {
      selector: 'node.on-path',
      style: { 'underlay-color': '#facc15', 'underlay-opacity': 0.75, 'underlay-padding': 9, 'underlay-shape': 'ellipse' },
    },
    {
      selector: 'edge.on-path',
      style: { width: 5, 'underlay-color': '#facc15', 'underlay-opacity': 0.75, 'underlay-padding': 5, 'z-index': 10 },
    },
  ] as StylesheetJson;
}

export interface Canvas {
  readonly cy: Core;
  hasNode(id: string): boolean;
  /** Adds a node near another one (or in the middle); false when it was there already. */
  addNode(node: NodeData, near?: string): boolean;
  addEdge(edge: EdgeData): boolean;
  /** How many more neighbours an expanded node has than are shown, drawn as "+N" in its label. */
  setHidden(id: string, hidden: number): void;
  select(id: string | null): void;
  /** Sets an event node's claim status (drawn on its border). */
  setStatus(id: string, status: string): void;
  /** Fades what is not in `inPeriod` (node and edge ids); null shows everything again. */
  setPeriod(inPeriod: ReadonlySet<string> | null): void;
  highlight(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  layout(): void;
  clear(): void;
  nodes(): NodeData[];
}

export function createCanvas(container: HTMLElement, onTap: (id: string) => void): Canvas {
  const cy = cytoscape({
    container,
    style: styles(),
    minZoom: 0.25,
    maxZoom: 2,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
  });
  const hidden = new Map<string, number>();
  let selected: string | null = null;
  let path: { nodes: Set<string>; edges: Set<string> } | null = null;
  let period: ReadonlySet<string> | null = null;

  const label = (node: NodeData) => {
    const more = hidden.get(node.id) ?? 0;
    return more > 0 ? `${node.name} (+${more})` : node.name;
  };

  cy.on('tap', 'node', (event) => onTap(event.target.id() as string));

  const applyPeriod = () => {
    cy.elements().removeClass('out-of-period in-period');
    if (!period) return;
    const inside = period;
    cy.elements().forEach((element) => {
      element.addClass(inside.has(element.id()) ? 'in-period' : 'out-of-period');
    });
  };

  const applyPath = () => {
    applyPeriod();
    cy.elements().removeClass('on-path faded');
    if (!path) return;
    const { nodes, edges } = path;
    cy.elements().forEach((element) => {
      const id = element.id();
      const on = element.group() === 'nodes' ? nodes.has(id) : edges.has(id);
      element.addClass(on ? 'on-path' : 'faded');
    });
  };

  return {
    cy,
    hasNode: (id) => cy.getElementById(id).nonempty(),
    addNode(node, near) {
      if (cy.getElementById(node.id).nonempty()) return false;
      const anchor = near ? cy.getElementById(near) : null;
      const base = anchor?.nonempty() ? anchor.position() : { x: cy.width() / 2, y: cy.height() / 2 };
      const angle = Math.random() * 2 * Math.PI;
      cy.add({
        group: 'nodes',
        data: { id: node.id, kind: node.kind, name: node.name, label: node.name },
        position: { x: base.x + 90 * Math.cos(angle), y: base.y + 90 * Math.sin(angle) },
      });
      applyPath();
      return true;
    },
    addEdge(edge) {
      if (cy.getElementById(edge.id).nonempty()) return false;
      if (cy.getElementById(edge.from).empty() || cy.getElementById(edge.to).empty()) return false;
      cy.add({
        group: 'edges',
        data: {
          id: edge.id,
          source: edge.from,
          target: edge.to,
          type: edge.type,
          status: edge.status,
          symmetric: edge.symmetric,
        },
      });
      applyPath();
      return true;
    },
    setHidden(id, count) {
      hidden.set(id, count);
      const node = cy.getElementById(id);
      if (node.nonempty()) node.data('label', label(node.data() as NodeData));
    },
    select(id) {
      if (selected) cy.getElementById(selected).removeClass('selected');
      selected = id;
      if (id) cy.getElementById(id).addClass('selected');
    },
    setStatus(id, status) {
      const node = cy.getElementById(id);
      if (node.nonempty()) node.data('status', status);
    },
    setPeriod(inPeriod) {
      period = inPeriod;
      applyPeriod();
    },
    highlight(nodeIds, edgeIds) {
      path = nodeIds.length === 0 ? null : { nodes: new Set(nodeIds), edges: new Set(edgeIds) };
      applyPath();
    },
    layout() {
      const count = cy.nodes().length;
      if (count === 0) return;
      cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: true,
        padding: 60,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 120,
        nodeRepulsion: () => 90_000,
        edgeElasticity: () => 80,
        gravity: 0.6,
        numIter: 1500,
      } as cytoscape.LayoutOptions).run();
      // A small graph is not blown up to fill the canvas.
      if (cy.zoom() > 1.3) {
        cy.zoom(1.3);
        cy.center();
      }
    },
    clear() {
      cy.elements().remove();
      hidden.clear();
      selected = null;
      path = null;
      period = null;
    },
    nodes: () => cy.nodes().map((node) => node.data() as NodeData),
  };
}
