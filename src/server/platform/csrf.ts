import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

export const CSRF_COOKIE = 'rondom_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit token for every state-changing request under /api: the page reads the cookie and
 * echoes it in a header, which another site cannot do. The Origin header, when sent, must be ours.
 */
export function registerCsrf(app: FastifyInstance, publicOrigin: string): void {
  app.addHook('onRequest', async (req, reply) => {
    const cookie = req.cookies[CSRF_COOKIE];
    if (!cookie) {
      reply.setCookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), {
        path: '/',
        sameSite: 'strict',
        secure: true,
        httpOnly: false,
      });
    }
    if (SAFE.has(req.method) || !req.url.startsWith('/api/')) return;
    // the OAuth/OIDC callback comes from the identity provider's page (a form_post carries its
    // Origin); it is protected by its own single-use state, bound to a cookie set at sign-in start
    if (req.url.startsWith('/api/auth/callback/')) return;
    const origin = req.headers.origin;
    if (origin && origin !== publicOrigin) throw new AppError('csrf');
    const header = req.headers[CSRF_HEADER];
    if (!cookie || typeof header !== 'string' || header.length !== cookie.length) throw new AppError('csrf');
    if (!timingSafeEqual(Buffer.from(header), Buffer.from(cookie))) throw new AppError('csrf');
  });
}
