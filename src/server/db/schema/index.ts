export * from './auth.js';
export * from './region.js';
export * from './audit.js';
export * from './consent.js';
export * from './dossier.js';
export * from './opp.js';
export * from './support.js';
export * from './meeting.js';
