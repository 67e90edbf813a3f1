import { describe, expect, test } from 'vitest';
import { timelineRanges } from '../../src/store/neo4j/cypher/facts.js';

describe("the bounds of a Neo4j timeline page's parts (timelineRanges)", () => {
  test('leave every part open for the whole timeline', () => {
    expect(timelineRanges({ from: null, to: null }, null)).toEqual({
      earliestFrom: '',
      earliestTo: '\uffff',
      dayFrom: '',
      relationTimes: 'timeEarliest:["0000-01-01" TO *]',
      claimDays: 'attributionSaidOn:["0000-01-01" TO *]',
    });
  });

  test("bound relations by the window's ends, and what is said by the window", () => {
    expect(timelineRanges({ from: '2024-12-01', to: '2024-12-31' }, null)).toEqual({
      earliestFrom: '',
      earliestTo: '2024-12-31',
      dayFrom: '2024-12-01',
      relationTimes: 'timeEarliest:["0000-01-01" TO "2024-12-31"] AND timeLatest:["2024-12-01" TO *]',
      claimDays: 'attributionSaidOn:["2024-12-01" TO "2024-12-31"]',
    });
  });

  test("start a later page at the cursor's day, or at the window's start when that is later", () => {
    expect(timelineRanges({ from: '2024-12-01', to: null }, '2024-12-20')).toEqual({
      earliestFrom: '2024-12-20',
      earliestTo: '\uffff',
      dayFrom: '2024-12-20',
      relationTimes: 'timeEarliest:["2024-12-20" TO *] AND timeLatest:["2024-12-01" TO *]',
      claimDays: 'attributionSaidOn:["2024-12-20" TO *]',
    });
    // An entry that began before the window can still be on a later page of it.
    expect(timelineRanges({ from: '2024-12-01', to: null }, '2022-02-24')).toMatchObject({
      earliestFrom: '2022-02-24',
      dayFrom: '2024-12-01',
      claimDays: 'attributionSaidOn:["2024-12-01" TO *]',
    });
  });

  test('read only the entries that begin by a given day, or by the end of the window when that is sooner', () => {
    expect(timelineRanges({ from: null, to: null }, '2024-12-20', '2024-12-27')).toEqual({
      earliestFrom: '2024-12-20',
      earliestTo: '2024-12-27',
      dayFrom: '2024-12-20',
      relationTimes: 'timeEarliest:["2024-12-20" TO "2024-12-27"]',
      claimDays: 'attributionSaidOn:["2024-12-20" TO "2024-12-27"]',
    });
    expect(timelineRanges({ from: '2024-12-01', to: '2024-12-24' }, null, '2024-12-27')).toMatchObject({
      earliestTo: '2024-12-24',
      relationTimes: 'timeEarliest:["0000-01-01" TO "2024-12-24"] AND timeLatest:["2024-12-01" TO *]',
    });
  });

  test("quote what a client's cursor carries, and leave a day Lucene might order differently open", () => {
    expect(timelineRanges({ from: null, to: null }, 'x" OR id:*').relationTimes).toBe('timeEarliest:["x\\" OR id:*" TO *]');
    expect(timelineRanges({ from: null, to: null }, 'a\\').relationTimes).toBe('timeEarliest:["a\\\\" TO *]');
    expect(timelineRanges({ from: null, to: null }, '２０２４')).toEqual(timelineRanges({ from: null, to: null }, null));
  });
});
