export * from './subjects.js';
export * from './payloads.js';
export * from './events.js';
export * from './http-routes.js';
