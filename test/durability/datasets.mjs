// The small distinct datasets of the kill test: dataset N is a region, SETTLEMENTS settlements
// LOCATED_IN it, a source and a statement, all with ids that carry N.
export const SETTLEMENTS = 50;

export function datasetNumber(n) {
  const source = `source:load-${n}`;
  const region = `region:load-${n}`;
  const settlements = Array.from({ length: SETTLEMENTS }, (_, k) => `settlement:load-${n}-${k}`);
  return {
    sources: [{ id: source, title: `Load ${n}`, publisher: null, published: null, url: null, kind: 'DOCUMENT' }],
    entities: [
      { id: region, kind: 'REGION', name: `Region ${n}`, aliases: [], description: null, location: null, event: null },
      ...settlements.map((id, k) => ({ id, kind: 'SETTLEMENT', name: `Town ${n}-${k}`, aliases: [`T${n}x${k}`], description: 'x'.repeat(100), location: null, event: null })),
    ],
    relations: settlements.map((id, k) => ({
      id: `rel:load-${n}-${k}-located-in`,
      type: 'LOCATED_IN',
      from: id,
      to: region,
      time: null,
      attributions: [{ claimantId: null, viaId: null, statementId: null, stance: 'ASSERTS', saidOn: null, sourceId: source, note: null }],
      status: 'CONFIRMED',
      claimedBy: null,
      date: null,
      sourceId: source,
      statementIds: [],
      qualifiers: {},
    })),
    statements: [
      {
        id: `stmt:load-${n}`,
        kind: 'REPORTED',
        text: `Load ${n}`,
        date: null,
        speakerId: null,
        aboutIds: [region],
        sourceId: source,
        status: 'REPORTED',
        reportedViaId: null,
      },
    ],
  };
}
