import type { FastifyInstance } from 'fastify';

export async function caseLeadRoutes(_app: FastifyInstance) {}
