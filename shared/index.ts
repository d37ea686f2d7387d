export * from './geo.js';
export * from './entities.js';
export * from './commands.js';
export * from './events.js';
export * from './protocol.js';
export * from './risk.js';
export * from './time.js';
