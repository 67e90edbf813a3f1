/**
 * Small pieces every view draws the same way: kind icons, status lines and badges, stances, times
 * with their precision, attributions and links that open an entity.
 */
import type { EntityKind, ExplorerAttributionFragment, ExplorerTimeFragment, Stance } from '../gql/graphql.js';
import { h, svg } from './dom.js';
import { KINDS, PRECISIONS, STANCES, statusLook } from './look.js';

export interface EntityRef {
  readonly id: string;
  readonly name: string;
  readonly kind?: EntityKind;
}

let opener: (entity: EntityRef) => void = () => undefined;

/** What a link to an entity does (main.ts opens it on the canvas and in the side panel). */
export function onOpenEntity(open: (entity: EntityRef) => void): void {
  opener = open;
}

export function entityLink(entity: EntityRef): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'link', title: `Open ${entity.name}`, 'data-id': entity.id, onclick: () => opener(entity) },
    entity.name,
  );
}

export function kindIcon(kind: EntityKind, size = 14): SVGElement {
  const look = KINDS[kind];
  const shape = look.points
    ? svg('polygon', { points: look.points, fill: look.color })
    : svg('circle', { cx: 10, cy: 10, r: 9, fill: look.color });
  return svg('svg', { viewBox: '0 0 20 20', width: size, height: size, 'aria-hidden': 'true', class: 'kind-icon' }, shape);
}

export function statusLineIcon(status: string): SVGElement {
  const look = statusLook(status);
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

export function statusBadge(status: string): HTMLElement {
  const look = statusLook(status);
  return h('span', { class: `status-badge status-${status}`, title: look.meaning }, statusLineIcon(status), look.label);
}

export function stanceBadge(stance: Stance): HTMLElement {
  return h('span', { class: `stance stance-${stance}` }, STANCES[stance]?.label ?? stance);
}

/** "2025-01-05 (day)", "2024-08 – 2025-01-06 (range, ‘over the past five months’)". */
export function timeText(time: ExplorerTimeFragment): string {
  const when = time.end ? `${time.start} – ${time.end}` : time.start;
  const words = time.text ? `, ‘${time.text}’` : '';
  return `${when} (${PRECISIONS[time.precision] ?? time.precision}${words})`;
}

export function timeElement(time: ExplorerTimeFragment): HTMLElement {
  return h('time', { datetime: time.earliest, class: `time precision-${time.precision}` }, timeText(time));
}

/**
 * One attribution as a line: claimant, stance, said on, via, statement and source. In a column
 * that is already one party's, the claimant is left out, and a statement already quoted above is
 * referred to rather than quoted again.
 */
export function attributionItem(
  attribution: ExplorerAttributionFragment,
  options: { claimant?: boolean; quote?: boolean } = {},
): HTMLElement {
  const a = attribution;
  const { claimant = true, quote = true } = options;
  return h(
    'li',
    { class: `attribution stance-${a.stance}`, 'data-claimant': a.claimant?.id ?? '' },
    claimant ? [a.claimant ? entityLink(a.claimant) : h('span', { class: 'own-voice' }, 'The source, in its own voice'), ' '] : null,
    stanceBadge(a.stance),
    a.saidOn ? [' · said on ', h('time', { datetime: a.saidOn }, a.saidOn)] : null,
    a.via ? [' · via ', entityLink(a.via)] : null,
    a.statement
      ? quote
        ? h('q', { class: 'attribution-quote' }, a.statement.text)
        : h('span', { class: 'same-statement' }, ' · the same statement as above')
      : null,
    h(
      'span',
      { class: 'source' },
      ' source: ',
      h('cite', {}, a.source.title),
      a.source.kind === 'GENERAL_KNOWLEDGE' ? h('span', { class: 'general-knowledge' }, ' (general knowledge, not the article)') : null,
    ),
    a.note ? h('p', { class: 'note' }, a.note) : null,
  );
}

export function attributionList(attributions: readonly ExplorerAttributionFragment[], label: string): HTMLElement {
  return h('ul', { class: 'attributions', 'aria-label': label }, attributions.map((a) => attributionItem(a)));
}
