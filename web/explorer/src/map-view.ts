/**
 * The map: places with coordinates drawn on plain projected coordinates in an SVG (no tiles, no
 * basemap, nothing from another origin), with the LOCATED_IN and NEAR relations among them, a
 * scale bar, and `near(placeId, km)` for the place chosen. The projection is equirectangular with
 * longitudes shrunk by the cosine of the middle latitude, which keeps distances true enough at
 * the scale of a front line; the scale bar is measured at that latitude.
 */
import type { ExplorerPlacesQuery } from '../gql/graphql.js';
import { h, svg } from './dom.js';
import { KINDS, kindLabel } from './look.js';

export type Place = ExplorerPlacesQuery['entities'][number];
export interface Located {
  readonly place: Place;
  readonly latitude: number;
  readonly longitude: number;
  readonly approximate: boolean;
}

const WIDTH = 960;
const HEIGHT = 600;
const PAD = 60;
const KM_PER_DEGREE = 111.32;

export function located(places: readonly Place[]): Located[] {
  return places.flatMap((place) => {
    const location = 'location' in place ? place.location : null;
    return location
      ? [{ place, latitude: location.latitude, longitude: location.longitude, approximate: location.precision === 'APPROXIMATE' }]
      : [];
  });
}

export interface Projection {
  readonly x: (p: { longitude: number }) => number;
  readonly y: (p: { latitude: number }) => number;
  /** Kilometres per SVG unit, at the middle latitude. */
  readonly kmPerUnit: number;
}

/** Fits the points into the SVG box. */
export function project(points: readonly Located[]): Projection {
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const cos = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * cos, 0.05);
  const spanY = Math.max(maxLat - minLat, 0.05);
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
  const offsetX = (WIDTH - spanX * scale) / 2;
  const offsetY = (HEIGHT - spanY * scale) / 2;
  return {
    x: (p) => offsetX + (p.longitude - minLon) * cos * scale,
    y: (p) => offsetY + (maxLat - p.latitude) * scale,
    kmPerUnit: KM_PER_DEGREE / scale,
  };
}

/** A round length (1, 2 or 5 times a power of ten km) about 140 units long. */
function scaleBar(kmPerUnit: number): SVGElement {
  const target = 140 * kmPerUnit;
  const power = 10 ** Math.floor(Math.log10(target));
  const km = [5, 2, 1].map((m) => m * power).find((length) => length <= target) ?? power;
  const length = km / kmPerUnit;
  const x = 24;
  const y = HEIGHT - 24;
  const label = svg('text', { x: x + length / 2, y: y - 8, 'text-anchor': 'middle', class: 'scale-label' });
  label.textContent = `${km.toLocaleString('en')} km`;
  const bar = svg(
    'g',
    { class: 'scale-bar', 'data-km': km, role: 'img', 'aria-label': `Scale: the bar is ${km} km` },
    svg('line', { x1: x, y1: y, x2: x + length, y2: y }),
    svg('line', { x1: x, y1: y - 5, x2: x, y2: y + 5 }),
    svg('line', { x1: x + length, y1: y - 5, x2: x + length, y2: y + 5 }),
    label,
  );
  return bar;
}

function marker(kind: Place['kind'], x: number, y: number): SVGElement {
  const look = KINDS[kind];
  const size = kind === 'SETTLEMENT' ? 12 : kind === 'REGION' ? 15 : 18;
  if (!look.points) return svg('circle', { cx: x, cy: y, r: size / 2, fill: look.color });
  const points = look.points
    .split(' ')
    .map((pair) => pair.split(',').map(Number))
    .map(([px, py]) => `${x + ((px! - 10) * size) / 20},${y + ((py! - 10) * size) / 20}`)
    .join(' ');
  return svg('polygon', { points, fill: look.color });
}

export interface MapCallbacks {
  choose(place: Located): void;
}

export interface DrawnMap {
  readonly element: SVGElement;
  /** Draws lines from the chosen place to those near it, with their distances. */
  showNear(from: Located, near: readonly { id: string; distanceKm: number }[]): void;
  mark(id: string | null): void;
}

export function drawMap(all: readonly Located[], shown: readonly Located[], callbacks: MapCallbacks, title: string): DrawnMap {
  const projection = project(shown);
  const byId = new Map(all.map((p) => [p.place.id, p]));
  // Links are drawn between places in the box; one running off it would point nowhere.
  const inView = (p: Located) => {
    const x = projection.x(p);
    const y = projection.y(p);
    return x >= 0 && x <= WIDTH && y >= 0 && y <= HEIGHT;
  };
  const links: SVGElement[] = [];
  const seen = new Set<string>();
  for (const from of all) {
    for (const relation of from.place.relations) {
      const to = byId.get(relation.node.id);
      if (!to || seen.has(relation.id) || !inView(from) || !inView(to)) continue;
      seen.add(relation.id);
      const line = svg('line', {
        x1: projection.x(from),
        y1: projection.y(from),
        x2: projection.x(to),
        y2: projection.y(to),
        class: `map-link link-${relation.type}`,
        'data-relation-id': relation.id,
      });
      const tip = svg('title', {});
      tip.textContent = `${from.place.name} ${relation.type} ${to.place.name}${relation.qualifiers.distanceKm != null ? `, ${relation.qualifiers.distanceKm} km` : ''}`;
      line.appendChild(tip);
      links.push(line);
    }
  }
  const nearLayer = svg('g', { class: 'near-layer' });
  const marks = new Map<string, SVGElement>();
  const places = all.filter(inView).map((p) => {
    const x = projection.x(p);
    const y = projection.y(p);
    const label = svg('text', { x: x + 10, y: y + 4, class: `place-label label-${p.place.kind}` });
    label.textContent = p.place.name;
    const ns = p.latitude >= 0 ? 'N' : 'S';
    const ew = p.longitude >= 0 ? 'E' : 'W';
    const where = `${Math.abs(p.latitude).toFixed(2)}° ${ns}, ${Math.abs(p.longitude).toFixed(2)}° ${ew}${p.approximate ? ', approximate' : ''}`;
    const group = svg(
      'g',
      {
        class: `place place-${p.place.kind}`,
        tabindex: 0,
        role: 'button',
        'data-id': p.place.id,
        'aria-label': `${p.place.name}, ${kindLabel(p.place.kind).toLowerCase()}, ${where}`,
      },
      marker(p.place.kind, x, y),
      label,
    );
    group.addEventListener('click', () => callbacks.choose(p));
    group.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Enter' || key === ' ') {
        event.preventDefault();
        callbacks.choose(p);
      }
    });
    marks.set(p.place.id, group);
    return group;
  });
  const heading = svg('title', {});
  heading.textContent = title;
  const element = svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'map', role: 'group', 'aria-label': title, 'data-km-per-unit': projection.kmPerUnit.toFixed(3) },
    heading,
    svg('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'map-bg' }),
    svg('g', { class: 'links' }, ...links),
    nearLayer,
    svg('g', { class: 'places' }, ...places),
    scaleBar(projection.kmPerUnit),
  );
  return {
    element,
    showNear(from, near) {
      nearLayer.replaceChildren(
        ...near.flatMap(({ id, distanceKm }) => {
          const to = byId.get(id);
          if (!to) return [];
          const line = svg('line', { x1: projection.x(from), y1: projection.y(from), x2: projection.x(to), y2: projection.y(to), class: 'near-line' });
          const text = svg('text', { x: (projection.x(from) + projection.x(to)) / 2, y: (projection.y(from) + projection.y(to)) / 2 - 4, class: 'near-label', 'text-anchor': 'middle' });
          text.textContent = `${distanceKm.toFixed(1)} km`;
          return [line, text];
        }),
      );
    },
    mark(id) {
      for (const [placeId, group] of marks) group.classList.toggle('chosen', placeId === id);
    },
  };
}

export function placeList(all: readonly Located[], callbacks: MapCallbacks): HTMLElement {
  return h(
    'ul',
    { class: 'map-places', 'aria-label': 'Places on the map' },
    [...all]
      .sort((a, b) => a.place.name.localeCompare(b.place.name))
      .map((p) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link', 'data-id': p.place.id, onclick: () => callbacks.choose(p) },
            p.place.name,
          ),
          h('small', {}, ` ${kindLabel(p.place.kind).toLowerCase()} · ${p.latitude.toFixed(2)}, ${p.longitude.toFixed(2)}`),
        ),
      ),
  );
}
