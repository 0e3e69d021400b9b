// Merging extracted changes into events: one event per person per move, however many outlets
// report it. Pure: no storage, network or Discord here.
export * from './model.js';
export * from './repository.js';
export * from './merger.js';
export * from './person-names.js';
export * from './organizations.js';
export * from './roles.js';
export * from './alias-book.js';
export * from './effective-date.js';
export * from './corroboration.js';
export * from './filing.js';
export * from './denials.js';
export * from './name-pairs.js';
export * from './fold.js';
export * from './item-names.js';
export * from './report.js';
export * from './matcher.js';
export * from './titles-in-text.js';
