/**
 * The claims view: for a place or an event, `claims(aboutId)`'s groups, one per question (who
 * holds it, who fights there, ...), and in each group one column per party, side by side: what
 * it says about which fact, with its stance, the day said, through whom and the source.
 */
import type { ClaimTopic, ExplorerClaimsQuery, ExplorerFactFragment } from '../gql/graphql.js';
import { h } from './dom.js';
import { attributionItem, entityLink, kindIcon, statusBadge, timeElement, type EntityRef } from './widgets.js';

type Group = ExplorerClaimsQuery['claims'][number];
type Claim = Group['claims'][number];

const TOPICS: Readonly<Record<ClaimTopic, string>> = {
  CONTROL: 'Who holds it, or is taking it',
  COMBAT: 'Who is fighting whom, where',
  DEPLOYMENT: 'Whose forces are where',
  CASUALTIES: 'Losses',
  SUPPORT: 'Who backs whom',
  COMMAND: 'Who commands or belongs to what',
  GEOGRAPHY: 'Where it lies',
  POLITICS: 'Offices, wars and their ends',
};

export function factLabel(fact: ExplorerFactFragment): (Node | string)[] {
  if (fact.__typename === 'Edge') {
    const extent = fact.qualifiers.extent ? ` (${fact.qualifiers.extent})` : '';
    return [entityLink(fact.start), ' ', h('code', { class: 'rel-type' }, fact.type), ' ', entityLink(fact.end), extent];
  }
  return [kindIcon('EVENT', 12), ' ', entityLink({ id: fact.id, name: fact.name, kind: 'EVENT' }), h('span', { class: 'event-type' }, ` ${fact.eventType.toLowerCase()}`)];
}

/** The parties of a group in the order they first speak; the source's own voice last. */
function byClaimant(claims: readonly Claim[]): { claimant: EntityRef | null; claims: Claim[] }[] {
  const columns = new Map<string, { claimant: EntityRef | null; claims: Claim[] }>();
  for (const claim of claims) {
    const key = claim.attribution.claimant?.id ?? '';
    const column = columns.get(key) ?? { claimant: claim.attribution.claimant ?? null, claims: [] };
    column.claims.push(claim);
    columns.set(key, column);
  }
  const own = columns.get('');
  columns.delete('');
  return [...columns.values(), ...(own ? [own] : [])];
}

export function renderClaims(container: HTMLElement, about: EntityRef, groups: readonly Group[]): void {
  const title = h('h2', { id: 'claims-title', tabindex: '-1' }, `Claims about ${about.name}`);
  if (groups.length === 0) {
    container.replaceChildren(title, h('p', { class: 'hint' }, `No facts about ${about.name} are recorded with attributions.`));
    return;
  }
  container.replaceChildren(
    title,
    h('p', { class: 'hint' }, 'One column per party: what it says, with its stance, the day it said it and the source. Competing columns answer the same question.'),
    ...groups.map((group) => {
      const facts = new Map(group.facts.map((fact) => [fact.id, fact]));
      const columns = byClaimant(group.claims);
      return h(
        'section',
        { class: 'claim-group', 'data-topic': group.topic, 'aria-labelledby': `topic-${group.topic}` },
        h('h3', { id: `topic-${group.topic}` }, TOPICS[group.topic] ?? group.topic, h('small', {}, ` · ${group.topic.toLowerCase()}, ${columns.length} ${columns.length === 1 ? 'party' : 'parties'}`)),
        h(
          'ul',
          { class: 'claim-columns', 'aria-label': `${TOPICS[group.topic] ?? group.topic}: the parties side by side` },
          columns.map((column) =>
            h(
              'li',
              { class: 'claim-column', 'data-claimant': column.claimant?.id ?? 'own-voice' },
              h('h4', {}, column.claimant ? [kindIcon(column.claimant.kind ?? 'ORGANIZATION'), ' ', entityLink(column.claimant)] : 'The source, in its own voice'),
              h(
                'ol',
                { class: 'claim-list' },
                column.claims.map((claim, index) => {
                  const fact = facts.get(claim.fact.id);
                  const statementId = claim.attribution.statement?.id;
                  const quotedAbove = statementId !== undefined && column.claims.slice(0, index).some((c) => c.attribution.statement?.id === statementId);
                  return h(
                    'li',
                    { class: `claim stance-${claim.attribution.stance}`, 'data-fact-id': claim.fact.id },
                    fact
                      ? h('p', { class: 'claim-fact' }, ...factLabel(fact), ' ', statusBadge(fact.status), fact.time ? [' ', timeElement(fact.time)] : null)
                      : null,
                    h('ul', { class: 'attributions' }, attributionItem(claim.attribution, { claimant: false, quote: !quotedAbove })),
                  );
                }),
              ),
            ),
          ),
        ),
      );
    }),
  );
}
