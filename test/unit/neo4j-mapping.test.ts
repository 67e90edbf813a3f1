/**
 * The Neo4j store's mapping between driver values and domain records, checked with the driver's
 * own classes (Node, Relationship, Integer, Record, Neo4jError): no database needed. Also the
 * executor's deadline arithmetic and the driver settings derived from the request timeout.
 */
import neo4j, { Integer, Neo4jError, Node, Point, Record as Neo4jRecord, Relationship } from 'neo4j-driver';
import { describe, expect, it, vi } from 'vitest';
import {
  DomainError,
  ErrorCode,
  deadlineExceeded,
  RELATION_TYPE_NAMES,
  searchText,
  type EntityRecord,
  type RelationRecord,
  type SourceRecord,
  type StatementRecord,
} from '../../src/domain/index.js';
import { ANY_RELATION } from '../../src/store/graph-store.js';
import { neighborhoodNodesCypher, shortestPathCypher } from '../../src/store/neo4j/cypher/explore.js';
import {
  driverConfig,
  Executor,
  mapDriverError,
  serverTimeoutMs,
  TRANSACTION_TIMEOUT_CODES,
} from '../../src/store/neo4j/executor.js';
import { checkedHopBound, KIND_LABELS, SYMMETRIC_TYPES, walkableTypes } from '../../src/store/neo4j/graph-model.js';
import {
  entityFromNode,
  entityProperties,
  relationFromRelationship,
  relationProperties,
  relationViewFromRow,
  rowFromRecord,
  sourceFromNode,
  sourceProperties,
  statementFromNode,
  statementProperties,
  toNumber,
  toPlain,
} from '../../src/store/neo4j/mapping.js';

let nextIdentity = 1;
const node = (labels: string[], properties: Record<string, unknown>) => {
  const identity = neo4j.int(nextIdentity++);
  return new Node(identity, labels, properties, `4:test:${identity.toString()}`);
};
const relationship = (type: string, properties: Record<string, unknown>) => {
  const identity = neo4j.int(nextIdentity++);
  return new Relationship(identity, neo4j.int(1), neo4j.int(2), type, properties, `5:test:${identity.toString()}`, '4:test:1', '4:test:2');
};

const kurakhove: EntityRecord = {
  id: 'settlement:kurakhove',
  kind: 'SETTLEMENT',
  name: 'Kurákhove',
  aliases: ['Kurakhovo', 'Курахове'],
  description: 'A town in Donetsk Oblast.',
  location: { latitude: 47.98, longitude: 37.28, precision: 'APPROXIMATE' },
  event: null,
};

const capture: EntityRecord = {
  id: 'event:kurakhove-capture',
  kind: 'EVENT',
  name: 'Capture of Kurakhove',
  aliases: [],
  description: null,
  location: null,
  event: {
    type: 'CAPTURE',
    time: { start: '2024-12', end: '2025-01-06', text: 'by Monday' },
    quantities: [
      { measure: 'TROOPS', value: null, min: 200, max: 999, approximation: 'APPROXIMATE', unit: null, wording: 'several hundred' },
    ],
    attributions: [
      { claimantId: 'org:ministry', viaId: 'org:agency', statementId: 'stmt:one', stance: 'ASSERTS', saidOn: '2025-01-06', sourceId: 'source:alpha', note: null },
      { claimantId: 'org:monitor', viaId: null, statementId: null, stance: 'DISPUTES', saidOn: null, sourceId: 'source:alpha', note: 'most of it' },
    ],
    status: 'DISPUTED',
  },
};

const near: RelationRecord = {
  id: 'rel:pokrovsk-near-kurakhove',
  type: 'NEAR',
  from: 'settlement:pokrovsk',
  to: 'settlement:kurakhove',
  time: { start: '2024-11-02', end: null, text: null },
  attributions: [
    { claimantId: 'org:monitor', viaId: null, statementId: 'stmt:one', stance: 'ASSERTS', saidOn: '2024-11-03', sourceId: 'source:alpha', note: null },
    { claimantId: 'org:agency', viaId: null, statementId: null, stance: 'ASSERTS', saidOn: null, sourceId: 'source:beta', note: null },
  ],
  status: 'REPORTED',
  claimedBy: 'org:monitor',
  date: '2024-11-02',
  sourceId: 'source:alpha',
  statementIds: ['stmt:one', 'stmt:two'],
  qualifiers: { distanceKm: 32, approximation: 'APPROXIMATE', wording: 'about 32 km' },
};

const bare: RelationRecord = {
  id: 'rel:akhmat-part-of-russia',
  type: 'PART_OF',
  from: 'unit:akhmat',
  to: 'country:russia',
  time: null,
  attributions: [
    { claimantId: 'country:russia', viaId: null, statementId: null, stance: 'ASSERTS', saidOn: null, sourceId: 'source:beta', note: null },
  ],
  status: 'CLAIMED',
  claimedBy: 'country:russia',
  date: null,
  sourceId: 'source:beta',
  statementIds: [],
  qualifiers: {},
};

const statement: StatementRecord = {
  id: 'stmt:one',
  kind: 'QUOTE',
  text: '“We hold the town.”',
  date: null,
  speakerId: 'person:apti-alaudinov',
  aboutIds: ['settlement:kurakhove', 'unit:akhmat'],
  sourceId: 'source:alpha',
  status: 'CLAIMED',
  reportedViaId: null,
};

const source: SourceRecord = { id: 'source:beta', title: 'Beta', publisher: null, published: '2024-12-01', url: null, kind: 'DOCUMENT' };

describe('Integer conversion', () => {
  it('turns safe Integers into numbers and passes numbers through', () => {
    expect(toNumber(neo4j.int(42))).toBe(42);
    expect(toNumber(Integer.fromString('9007199254740991'))).toBe(Number.MAX_SAFE_INTEGER);
    expect(toNumber(2.5)).toBe(2.5);
    expect(toNumber(7n)).toBe(7);
  });

  it('refuses Integers that would lose precision, and non-numbers', () => {
    expect(() => toNumber(Integer.fromString('9007199254740993'), 'a count')).toThrow(/a count 9007199254740993.*safe/);
    expect(() => toNumber('3')).toThrow(/where a number was expected/);
    expect(() => toNumber(null)).toThrow(/null/);
  });

  it('converts Integers inside lists and maps, and leaves graph elements alone', () => {
    const n = node(['Entity'], { id: 'x', n: neo4j.int(3) });
    expect(toPlain([neo4j.int(1), { a: neo4j.int(2), b: [neo4j.int(3)] }, 'z', null])).toEqual([1, { a: 2, b: [3] }, 'z', null]);
    expect(toPlain(n)).toBe(n);
  });

  it('reads a driver Record into a plain row', () => {
    const n = node(['Entity'], { id: 'x' });
    const row = rowFromRecord(new Neo4jRecord(['n', 'hops', 'list'], [n, neo4j.int(2), [neo4j.int(1)]]));
    expect(row).toEqual({ n, hops: 2, list: [1] });
  });
});

describe('entities', () => {
  it('round-trips a record through node properties', () => {
    const props = entityProperties(kurakhove);
    expect(props['searchText']).toBe(searchText(kurakhove));
    expect(entityFromNode(node(['Entity', KIND_LABELS.SETTLEMENT], props))).toStrictEqual(kurakhove);
  });

  it('stores a place\'s location as a WGS-84 point (x the longitude) with its precision', () => {
    const props = entityProperties(kurakhove);
    expect(props['location']).toBeInstanceOf(Point);
    expect(props['location']).toMatchObject({ srid: 4326, x: 37.28, y: 47.98 });
    expect(props['locationPrecision']).toBe('APPROXIMATE');
    // The driver hands the SRID back as an Integer.
    const read = node(['Entity'], { ...props, location: new Point(neo4j.int(4326), 37.28, 47.98) });
    expect(entityFromNode(read)).toStrictEqual(kurakhove);
    expect(() => entityFromNode(node(['Entity'], { ...props, location: new Point(7203, 1, 2) }))).toThrow(/location .*WGS-84 point/);
  });

  it('round-trips an event with what its filters read beside it: status, claimants, day bounds, said-on days, statements', () => {
    const props = entityProperties(capture);
    expect(props).toMatchObject({
      eventType: 'CAPTURE',
      status: 'DISPUTED',
      claimantIds: ['org:ministry', 'org:monitor'],
      timeStart: '2024-12',
      timeEnd: '2025-01-06',
      timeText: 'by Monday',
      timeEarliest: '2024-12-01',
      timeLatest: '2025-01-06',
      attributionSaidOn: ['2025-01-06', ''],
      attributionClaimantIds: ['org:ministry', 'org:monitor'],
      supportStatementIds: ['stmt:one'],
    });
    expect('location' in props).toBe(false);
    expect(entityFromNode(node(['Entity', KIND_LABELS.EVENT], props))).toStrictEqual(capture);
    const undated = { ...capture, event: { ...capture.event!, time: null, quantities: [] } };
    const undatedProps = entityProperties(undated);
    expect('timeEarliest' in undatedProps || 'timeStart' in undatedProps).toBe(false);
    expect(entityFromNode(node(['Entity'], undatedProps))).toStrictEqual(undated);
  });

  it('names the event and the attribution when its stored attributions are malformed', () => {
    const props = entityProperties(capture);
    const bad = JSON.stringify([{ ...capture.event!.attributions[0], stance: 'SHRUGS' }]);
    expect(() => entityFromNode(node(['Entity'], { ...props, attributionsJson: bad }))).toThrow(
      /node "event:kurakhove-capture" \(Entity\) attributionsJson\[0\] has stance = string "SHRUGS"/,
    );
    expect(() => entityFromNode(node(['Entity'], { ...props, quantitiesJson: '{not json' }))).toThrow(/quantitiesJson .*JSON list/);
  });

  it('stores no nulls and reads an absent description as null, absent aliases as none', () => {
    const plain: EntityRecord = { ...kurakhove, aliases: [], description: null };
    const props = entityProperties(plain);
    expect(Object.values(props)).not.toContain(null);
    expect('description' in props).toBe(false);
    expect(entityFromNode(node(['Entity'], props))).toStrictEqual(plain);
    const { aliases: _dropped, ...withoutAliases } = props;
    expect(entityFromNode(node(['Entity'], withoutAliases)).aliases).toEqual([]);
  });

  it('names the node when it is malformed', () => {
    expect(() => entityFromNode(node(['Entity'], { ...entityProperties(kurakhove), kind: 'CITY' }))).toThrow(
      /node "settlement:kurakhove" \(Entity\) has kind = string "CITY"; expected one of PERSON/,
    );
    expect(() => entityFromNode(node(['Entity'], { id: 'x', kind: 'UNIT', name: 7 }))).toThrow(/name = number 7/);
    expect(() => entityFromNode({ id: 'x' })).toThrow(/where an entity node was expected/);
  });
});

describe('statements and sources', () => {
  it('round-trips a statement, undated, without a medium', () => {
    const props = statementProperties(statement);
    expect('date' in props || 'reportedViaId' in props).toBe(false);
    expect(statementFromNode(node(['Statement'], props))).toStrictEqual(statement);
    const dated = { ...statement, date: '2024-12-02', reportedViaId: 'org:tass', speakerId: null };
    expect(statementFromNode(node(['Statement'], statementProperties(dated)))).toStrictEqual(dated);
  });

  it('round-trips a source with absent optional fields, and its kind', () => {
    expect(sourceFromNode(node(['Source'], sourceProperties(source)))).toStrictEqual(source);
    const full: SourceRecord = { ...source, publisher: 'Reuters', url: 'https://example.org/a', kind: 'GENERAL_KNOWLEDGE' };
    expect(sourceFromNode(node(['Source'], sourceProperties(full)))).toStrictEqual(full);
  });
});

describe('relations', () => {
  it('stores qualifiers as flat q_ properties', () => {
    expect(relationProperties(near)).toEqual({
      id: near.id,
      status: 'REPORTED',
      claimedBy: 'org:monitor',
      date: '2024-11-02',
      sourceId: 'source:alpha',
      statementIds: ['stmt:one', 'stmt:two'],
      timeStart: '2024-11-02',
      timeEarliest: '2024-11-02',
      timeLatest: '2024-11-02',
      attributionsJson: JSON.stringify(near.attributions),
      claimantIds: ['org:monitor', 'org:agency'],
      attributionSaidOn: ['2024-11-03', ''],
      attributionClaimantIds: ['org:monitor', 'org:agency'],
      supportStatementIds: ['stmt:one', 'stmt:two'],
      q_distanceKm: 32,
      q_approximation: 'APPROXIMATE',
      q_wording: 'about 32 km',
    });
  });

  it('round-trips exactly: absent qualifiers stay absent, not null', () => {
    for (const record of [near, bare]) {
      const rel = relationship(record.type, relationProperties(record));
      expect(relationFromRelationship(rel, record.from, record.to)).toStrictEqual(record);
    }
    const back = relationFromRelationship(relationship('PART_OF', relationProperties(bare)), bare.from, bare.to);
    expect(Object.keys(back.qualifiers)).toEqual([]);
  });

  it('reads numeric qualifiers stored as Integers (e.g. written by hand in Cypher) as numbers', () => {
    const rel = relationship('DEPLOYED_TO', {
      ...relationProperties({ ...bare, type: 'DEPLOYED_TO' }),
      q_troopCount: neo4j.int(11000),
      q_casualtyCount: 12.5,
      unrelated: 'ignored',
    });
    expect(relationFromRelationship(rel, 'a:b', 'c:d').qualifiers).toStrictEqual({ troopCount: 11000, casualtyCount: 12.5 });
  });

  it('refuses relationships outside the vocabulary or of the wrong shape', () => {
    expect(() => relationFromRelationship(relationship('SAID', { id: 'x' }), 'a:b', 'c:d')).toThrow(/not of a domain relation type/);
    expect(() =>
      relationFromRelationship(relationship('NEAR', { ...relationProperties(near), q_approximation: 'ROUGHLY' }), 'a:b', 'c:d'),
    ).toThrow(/q_approximation = string "ROUGHLY"/);
    expect(() => relationFromRelationship(relationship('NEAR', relationProperties(near)), null, 'c:d')).toThrow(/ids of its ends/);
    expect(() => relationFromRelationship(node(['Entity'], {}), 'a:b', 'c:d')).toThrow(/relationship was expected/);
  });

  it('reads a relation view, with the entity at its other end, from a record of the relationsOf query', () => {
    const rel = relationship('NEAR', relationProperties(near));
    const pokrovsk: EntityRecord = { ...kurakhove, id: 'settlement:pokrovsk', name: 'Pokrovsk', aliases: [], location: null };
    const other = node(['Entity', KIND_LABELS.SETTLEMENT], entityProperties(pokrovsk));
    const record = new Neo4jRecord(
      ['key', 'r', 'fromId', 'toId', 'direction', 'otherId', 'other'],
      ['settlement:kurakhove', rel, near.from, near.to, 'BOTH', 'settlement:pokrovsk', other],
    );
    expect(relationViewFromRow(rowFromRecord(record))).toStrictEqual({
      relation: near,
      direction: 'BOTH',
      otherId: 'settlement:pokrovsk',
      other: pokrovsk,
    });
    const bad = new Neo4jRecord(['r', 'fromId', 'toId', 'direction', 'otherId', 'other'], [rel, near.from, near.to, 'SIDEWAYS', 'x:y', other]);
    expect(() => relationViewFromRow(rowFromRecord(bad))).toThrow(/direction string "SIDEWAYS"/);
    const noNode = new Neo4jRecord(['r', 'fromId', 'toId', 'direction', 'otherId'], [rel, near.from, near.to, 'BOTH', 'settlement:pokrovsk']);
    expect(() => relationViewFromRow(rowFromRecord(noNode))).toThrow(/entity node was expected/);
  });
});

describe('driver errors', () => {
  const uri = 'bolt://127.0.0.1:7999';
  // The driver's own error, as its pool and connections make them (newError: code N/A unless given).
  const driverError = (message: string, code?: string) =>
    new Neo4jError(message, code ?? 'N/A', '50N42', 'error: general processing exception');
  const serverError = (code: string, message = 'from the server') => new Neo4jError(message, code, '50N42', 'error');
  const codeOf = (error: unknown) => (error instanceof DomainError ? error.code : 'unmapped');

  it('maps a lost server to STORE_UNAVAILABLE naming the URI', () => {
    for (const code of [neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED, neo4j.error.PROTOCOL_ERROR]) {
      const mapped = mapDriverError(new Neo4jError('Connection refused', code, '08000', 'connection exception'), uri);
      expect(mapped).toBeInstanceOf(DomainError);
      expect((mapped as DomainError).code).toBe(ErrorCode.STORE_UNAVAILABLE);
      expect((mapped as DomainError).message).toContain(uri);
      expect((mapped as DomainError).message).toContain('Connection refused');
    }
  });

  it('maps an exhausted pool (connection acquisition timeout) and a connect timeout to STORE_UNAVAILABLE', () => {
    const pool = driverError('Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 50, Idle conn count = 0.');
    expect(codeOf(mapDriverError(pool, uri))).toBe(ErrorCode.STORE_UNAVAILABLE);
    const connect = driverError('Failed to establish connection in 5000ms', neo4j.error.SERVICE_UNAVAILABLE);
    expect(codeOf(mapDriverError(connect, uri))).toBe(ErrorCode.STORE_UNAVAILABLE);
  });

  it("maps Neo4j's transaction timeouts to DEADLINE_EXCEEDED saying the query took too long", () => {
    for (const code of TRANSACTION_TIMEOUT_CODES) {
      const mapped = mapDriverError(serverError(code, 'The transaction has been terminated.'), uri);
      expect(mapped).toMatchObject({ code: ErrorCode.DEADLINE_EXCEEDED, message: expect.stringContaining('took too long') });
      // Nothing of the server's error reaches a client through the details.
      expect((mapped as DomainError).details).toEqual({});
    }
    expect([...TRANSACTION_TIMEOUT_CODES]).toEqual([
      'Neo.ClientError.Transaction.TransactionTimedOut',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    ]);
  });

  it('maps transient errors left after retries, a missing or stopping database and refused credentials to STORE_UNAVAILABLE', () => {
    for (const code of [
      'Neo.TransientError.General.DatabaseUnavailable',
      'Neo.TransientError.Transaction.MaximumTransactionLimitReached',
      'Neo.ClientError.Database.DatabaseNotFound',
      'Neo.ClientError.Transaction.Terminated',
      'Neo.ClientError.Security.Unauthorized',
      'Neo.ClientError.Security.AuthorizationExpired',
    ]) {
      expect(codeOf(mapDriverError(serverError(code), uri)), code).toBe(ErrorCode.STORE_UNAVAILABLE);
    }
  });

  it('rethrows every other error as it is (a mistake in a query is a bug, not an outage)', () => {
    const syntax = new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax error');
    const plain = new Error('boom');
    expect(mapDriverError(syntax, uri)).toBe(syntax);
    expect(mapDriverError(plain, uri)).toBe(plain);
  });
});

describe('deadlines in the Neo4j executor', () => {
  it('gives the server a timeout that leaves its monitor interval before the deadline, never 0 (none)', () => {
    expect(serverTimeoutMs(10_000)).toBe(7_500);
    expect(serverTimeoutMs(3_000)).toBe(1_500);
    expect(serverTimeoutMs(1)).toBe(1);
    expect(serverTimeoutMs(0.4)).toBe(1);
  });

  it('derives the driver settings from the request timeout, all inside it', () => {
    const config = driverConfig({ requestTimeoutMs: 10_000 });
    expect(config).toMatchObject({
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
      maxConnectionPoolSize: 50,
    });
    expect(driverConfig({ requestTimeoutMs: 2_000, maxConnectionPoolSize: 4 })).toMatchObject({
      connectionAcquisitionTimeout: 1_000,
      connectionTimeout: 1_000,
      maxTransactionRetryTime: 1_000,
      maxConnectionPoolSize: 4,
    });
  });

  it('rejects a read whose signal is already aborted with its reason, without opening a session', async () => {
    const driver = neo4j.driver('bolt://127.0.0.1:1');
    try {
      const session = vi.spyOn(driver, 'session');
      const executor = new Executor(driver, { database: undefined, uri: 'bolt://127.0.0.1:1', requestTimeoutMs: 1_000 });
      const reason = deadlineExceeded('The request ran past its deadline.');
      await expect(executor.readRows('RETURN 1', {}, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      await expect(executor.readRows('RETURN 1', {}, { deadline: Date.now() - 1 })).rejects.toMatchObject({
        code: ErrorCode.DEADLINE_EXCEEDED,
      });
      expect(session).not.toHaveBeenCalled();
    } finally {
      await driver.close();
    }
  });
});

describe('vocabulary in Cypher', () => {
  it('walks only domain relation types', () => {
    expect(walkableTypes(null)).toEqual(RELATION_TYPE_NAMES);
    expect(walkableTypes([])).toEqual([]);
    expect(walkableTypes(['NEAR', 'COMMANDS', 'NEAR'])).toEqual(['COMMANDS', 'NEAR']);
    expect(() => walkableTypes(['SAID' as never])).toThrow(/Not a relation type/);
    expect(SYMMETRIC_TYPES).toEqual(['ALLIED_WITH', 'NEAR']);
  });

  it('splices only validated integers as hop bounds', () => {
    expect(shortestPathCypher(4, ANY_RELATION).text).toContain('){1,4} (b)');
    expect(neighborhoodNodesCypher(2, ANY_RELATION).text).toContain('){0,2} (n:Entity)');
    for (const bad of [0, 11, 2.5, Number.NaN, '3' as unknown as number]) {
      expect(() => shortestPathCypher(bad, ANY_RELATION)).toThrow(/Hop bound/);
    }
    expect(() => neighborhoodNodesCypher(4, ANY_RELATION)).toThrow(/from 1 to 3/);
    expect(checkedHopBound(10, 1, 10)).toBe(10);
  });
});
