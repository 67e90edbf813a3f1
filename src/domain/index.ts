/** The domain module: vocabulary, records, ids, validation and search semantics. No I/O. */
export * from './vocabulary.js';
export * from './model.js';
export * from './ids.js';
export * from './errors.js';
export * from './roles.js';
export * from './dates.js';
export * from './facts.js';
export * from './search.js';
export * from './arguments.js';
export * from './dataset-validator.js';
export * from './references.js';
export * from './changes.js';
export * from './duplicates.js';
export * from './merge.js';
export * from './neighbourhood.js';
