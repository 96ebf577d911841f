import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type TActor, loadSessionActor } from './actor.js';
import { ABSOLUTE_SESSION_SECONDS, type Auth, sessionTimings } from './auth.js';
import type { Database } from './db.js';

/** The token inside better-auth's signed session cookie (`token.base64(hmac-sha256)`), or null when absent or forged. */
export function verifiedToken(cookieValue: string | undefined, secret: string): string | null {
  if (!cookieValue) return null;
  const dot = cookieValue.lastIndexOf('.');
  if (dot < 1) return null;
  const token = cookieValue.slice(0, dot);
  const given = Buffer.from(cookieValue.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

export function headersOf(req: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  return headers;
}

/**
 * Who is asking, for every /api/v1 request. The common case costs one query: the signed cookie is
 * checked here and the session, user, memberships and region settings come back together.
 * Everything else (no or bad cookie, an ended session, one past the absolute limit, or one due for
 * its sliding refresh) goes through better-auth, which refreshes or clears the cookie.
 */
export function createSessionResolver(o: { database: Database; auth: Auth; secret: string; idleTimeoutSeconds: number }) {
  const { expiresIn, updateAge } = sessionTimings(o.idleTimeoutSeconds);
  const cookieName = o.auth.$context.then((c) => c.authCookies.sessionToken.name);
  const overAbsolute = (createdAt: Date) => Date.now() - createdAt.getTime() > ABSOLUTE_SESSION_SECONDS * 1000;
  // better-auth's own rule for when a sliding session is written again
  const dueForRefresh = (expiresAt: Date) => expiresAt.getTime() - (expiresIn - updateAge) * 1000 <= Date.now();

  return async function resolveActor(req: FastifyRequest, reply: FastifyReply): Promise<TActor | null> {
    const token = verifiedToken(req.cookies[await cookieName], o.secret);
    if (token) {
      const found = await loadSessionActor(o.database, token);
      if (found && !overAbsolute(found.createdAt) && !dueForRefresh(found.expiresAt)) return found.actor;
    }
    const { response, headers } = await o.auth.api.getSession({ headers: headersOf(req), returnHeaders: true });
    // a refresh renews the cookie (an ended session clears it): pass that on, or the browser drops
    // the cookie at its first max-age while the session is still in use
    const refreshed = headers?.getSetCookie() ?? [];
    if (refreshed.length) reply.header('set-cookie', refreshed);
    if (!response) return null;
    if (overAbsolute(new Date(response.session.createdAt))) {
      await o.database.raw('delete from sessions where id = $1', [response.session.id]);
      return null;
    }
    return (await loadSessionActor(o.database, response.session.token))?.actor ?? null;
  };
}
