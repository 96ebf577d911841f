export * from './auth.js';
export * from './region.js';
export * from './audit.js';
