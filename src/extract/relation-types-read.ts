import type { RelationType } from '../domain/index.js';

/**
 * The relation types the reader proposes, and the only ones of the graph it compares with (an
 * event's participants and places, distances between places): a caller may give it the graph's
 * relations of these types alone. A module of its own, so that such a caller does not load the
 * reader (its language libraries take a third of a second to load).
 */
export const RELATION_TYPES_READ = ['PARTICIPATED_IN', 'TOOK_PLACE_IN', 'NEAR'] as const satisfies readonly RelationType[];
