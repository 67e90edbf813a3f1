/**
 * The timeline: `timeline(from, to, entityId)`'s events, dated relations, statements and claims in
 * time order, grouped by their first day, each with its time and precision. A period chosen here
 * (the two dates, or a day's "this day" button) is what the canvas then follows.
 */
import type { ExplorerTimelineQuery } from '../gql/graphql.js';
import { h } from './dom.js';
import { entityLink, kindIcon, stanceBadge, statusBadge, timeElement } from './widgets.js';

type Entry = ExplorerTimelineQuery['timeline']['nodes'][number];

const KIND_LABELS: Readonly<Record<Entry['kind'], string>> = {
  EVENT: 'Event',
  RELATION: 'Fact',
  STATEMENT: 'Statement',
  CLAIM: 'Claim',
};

function entryBody(entry: Entry): (Node | string | null)[] {
  if (entry.kind === 'EVENT' && entry.event) {
    return [kindIcon('EVENT', 12), ' ', entityLink(entry.event), h('span', { class: 'event-type' }, ` ${entry.event.eventType.toLowerCase()}`), ' ', statusBadge(entry.event.status)];
  }
  if (entry.kind === 'STATEMENT' && entry.statement) {
    const s = entry.statement;
    return [
      s.speaker ? entityLink(s.speaker) : h('span', {}, 'Unattributed'),
      ': ',
      h('q', { class: s.kind === 'QUOTE' ? 'quote' : 'reported' }, s.text),
      s.source ? [' ', h('cite', {}, s.source.title)] : null,
    ].flat();
  }
  const about = entry.event
    ? [entityLink(entry.event)]
    : entry.relation
      ? [entityLink(entry.relation.start), ' ', h('code', { class: 'rel-type' }, entry.relation.type), ' ', entityLink(entry.relation.end)]
      : [];
  if (entry.kind === 'CLAIM' && entry.attribution) {
    const a = entry.attribution;
    return [a.claimant ? entityLink(a.claimant) : h('span', {}, 'The source'), ' ', stanceBadge(a.stance), ' ', ...about, ' ', h('cite', {}, a.source.title)];
  }
  return [...about, entry.relation ? statusBadge(entry.relation.status) : null];
}

export interface TimelineCallbacks {
  /** Makes a day the period the canvas follows. */
  choosePeriod(from: string, to: string): void;
}

/** `from`: the period's first day, if any; days before it hold what began earlier and still went on. */
export function renderEntries(list: HTMLElement, entries: readonly Entry[], callbacks: TimelineCallbacks, append: boolean, from: string | null): void {
  let lastDay = append ? (list.lastElementChild as HTMLElement | null)?.dataset.day : undefined;
  let dayList = append ? (list.lastElementChild?.querySelector('ol') as HTMLElement | null) : null;
  if (!append) list.replaceChildren();
  for (const entry of entries) {
    const day = entry.time.earliest;
    if (day !== lastDay || !dayList) {
      lastDay = day;
      dayList = h('ol', { class: 'day-entries' });
      list.append(
        h(
          'li',
          { class: 'day', 'data-day': day },
          h(
            'div',
            { class: 'day-head' },
            h('h3', {}, h('time', { datetime: day }, day), from && day < from ? h('small', {}, ' · began before the period, went on into it') : null),
            from && day < from
              ? null
              : h('button', { type: 'button', class: 'quiet', 'aria-label': `Follow ${day} on the canvas`, onclick: () => callbacks.choosePeriod(day, day) }, 'This day on the canvas'),
          ),
          dayList,
        ),
      );
    }
    dayList.append(
      h(
        'li',
        { class: `entry entry-${entry.kind}`, 'data-kind': entry.kind },
        h('span', { class: 'entry-kind' }, KIND_LABELS[entry.kind] ?? entry.kind),
        ' ',
        timeElement(entry.time),
        h('div', { class: 'entry-body' }, ...entryBody(entry)),
      ),
    );
  }
}
