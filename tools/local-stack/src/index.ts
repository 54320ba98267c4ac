export * from './gateway.js';
export * from './infrastructure.js';
export * from './paths.js';
export * from './prerequisites.js';
export * from './processes.js';
export * from './stack.js';
