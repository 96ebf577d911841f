import type { FastifyInstance } from 'fastify';

export async function meetingRoutes(_app: FastifyInstance) {}
