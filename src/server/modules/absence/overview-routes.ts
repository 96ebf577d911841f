import type { FastifyInstance } from 'fastify';

/** The figures: region overview, CSV, the inspectorate count, anonymised counts (helper B2). */
export async function absenceOverviewRoutes(_app: FastifyInstance) {}
