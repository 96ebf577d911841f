import type { FastifyInstance } from 'fastify';

/** Absence episodes and cases: register, read, owner/plan/next date, end, close (helper A). */
export async function absenceCaseRoutes(_app: FastifyInstance) {}
