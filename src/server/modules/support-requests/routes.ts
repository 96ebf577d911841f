import type { FastifyInstance } from 'fastify';

/** PLACEHOLDER: the module's routes are registered here. */
export async function supportRequestRoutes(_app: FastifyInstance) {}
