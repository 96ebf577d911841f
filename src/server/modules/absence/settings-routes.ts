import type { FastifyInstance } from 'fastify';

/** The region's thuiszitter definition, ladder, reasons, coordinator (helper B1). */
export async function absenceSettingsRoutes(_app: FastifyInstance) {}
