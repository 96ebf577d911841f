import type { FastifyInstance } from 'fastify';

/** PLACEHOLDER: the module's routes are registered here. */
export async function arrangementRoutes(_app: FastifyInstance) {}
