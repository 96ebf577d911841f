import type { FastifyInstance } from 'fastify';

/** Filled in by the import work (see docs). */
export async function pupilImportRoutes(_app: FastifyInstance) {}
