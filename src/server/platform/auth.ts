import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { genericOAuth, twoFactor } from 'better-auth/plugins';
import * as schema from '../db/schema/index.js';
import type { TRegionSettings } from '../db/schema/region.js';
import type { Database } from './db.js';
import type { Mailer } from './mail.js';

export interface TAuthOptions {
  database: Database;
  mailer: Mailer;
  secret: string;
  publicUrl: string;
  /** Sign-in attempts per minute per address. */
  signInRateLimit: number;
  /** Session ends after this much inactivity (seconds). */
  idleTimeoutSeconds: number;
  /** Region SSO providers, read from region settings at start-up. */
  oidcProviders: NonNullable<TRegionSettings['oidc']>[];
}

export const ABSOLUTE_SESSION_SECONDS = 12 * 60 * 60;

/**
 * Sliding sessions: use pushes the expiry out, so expiresIn is the idle timeout. The expiry is
 * written at most once per updateAge; keep that a small part of the timeout, or a session in use
 * would still run out (with updateAge = expiresIn it would never be extended at all).
 */
export function sessionTimings(idleTimeoutSeconds: number) {
  return { expiresIn: idleTimeoutSeconds, updateAge: Math.max(1, Math.min(60, Math.floor(idleTimeoutSeconds / 10))) };
}

/**
 * The rate limiter's counters, one store per auth instance. better-auth's own 'memory' storage is
 * a module-wide map shared by every instance in the process, so two apps (tests, or a worker and
 * the API in one process) would count each other's requests.
 */
function memoryRateLimitStore() {
  const hits = new Map<string, { count: number; last: number; until: number }>();
  return {
    async consume(key: string, rule: { window: number; max: number }) {
      const now = Date.now();
      const windowMs = rule.window * 1000;
      if (hits.size > 100_000) for (const [k, v] of hits) if (now >= v.until) hits.delete(k);
      const e = hits.get(key);
      if (!e || now - e.last >= windowMs || now >= e.until) {
        hits.set(key, { count: 1, last: now, until: now + windowMs });
        return { allowed: true, retryAfter: null };
      }
      if (e.count >= rule.max) return { allowed: false, retryAfter: Math.max(1, Math.ceil((e.last + windowMs - now) / 1000)) };
      hits.set(key, { count: e.count + 1, last: now, until: now + windowMs });
      return { allowed: true, retryAfter: null };
    },
  };
}

/** The SSO provider a sign-in goes through, if it does (the OAuth callback, or an ID token posted to sign-in/social). */
function ssoProviderOf(ctx: { path?: string; params?: Record<string, unknown>; body?: unknown } | null | undefined): string | null {
  if (!ctx?.path) return null;
  if (ctx.path.startsWith('/callback/')) return typeof ctx.params?.id === 'string' ? ctx.params.id : null;
  if (ctx.path === '/sign-in/social') {
    const provider = (ctx.body as { provider?: unknown } | undefined)?.provider;
    return typeof provider === 'string' ? provider : null;
  }
  return null;
}

export function createAuth(o: TAuthOptions) {
  /**
   * A region's identity provider speaks only for that region's people: it may sign in (and be
   * linked to) a user with an active membership in a region that configured it, nobody else. Without
   * this, a provider trusted for account linking could sign in anyone on the platform whose e-mail
   * address it chooses to assert, including staff of other regions.
   */
  const mayUseProvider = async (userId: string, providerId: string) => {
    const rows = await o.database.raw(
      `select 1 from memberships m join regions r on r.id = m.region_id
        where m.user_id = $1 and m.ended_at is null and r.settings->'oidc'->>'providerId' = $2
        limit 1`,
      [userId, providerId],
    );
    return rows.length > 0;
  };

  return betterAuth({
    appName: 'Rondom',
    baseURL: o.publicUrl,
    basePath: '/api/auth',
    secret: o.secret,
    telemetry: { enabled: false },
    trustedOrigins: [o.publicUrl],
    database: drizzleAdapter(o.database.db, {
      provider: 'pg',
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
        twoFactor: schema.twoFactors,
      },
    }),
    emailAndPassword: {
      enabled: true,
      // accounts are made by invitation only
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60 * 24 * 3,
      async sendResetPassword({ user, url }) {
        // a closed account gets no way back in by mail (the answer to the request is the same)
        const [u] = await o.database.raw<{ deactivated_at: Date | null }>('select deactivated_at from users where id = $1', [user.id]);
        if (!u || u.deactivated_at) return;
        await o.mailer.send({
          to: user.email,
          subject: 'Rondom: stel uw wachtwoord in / set your password',
          text: [
            `Beste ${user.name},`,
            '',
            'Via de link hieronder stelt u een (nieuw) wachtwoord in voor Rondom. De link werkt 3 dagen.',
            url,
            '',
            'Heeft u dit niet aangevraagd? Dan kunt u deze e-mail negeren.',
            '',
            '---',
            'Use the link above to set a (new) password for Rondom. It works for 3 days.',
          ].join('\n'),
        });
      },
    },
    session: sessionTimings(o.idleTimeoutSeconds),
    account: { accountLinking: { enabled: true, trustedProviders: o.oidcProviders.map((p) => p.providerId) } },
    advanced: {
      useSecureCookies: true,
      cookiePrefix: 'rondom',
      defaultCookieAttributes: { httpOnly: true, secure: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
      // better-auth skips its origin and redirect-URL checks when NODE_ENV is 'test'; say so
      // explicitly, so the tests run the same checks as production
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    rateLimit: {
      enabled: true,
      customStorage: memoryRateLimitStore(),
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: o.signInRateLimit },
        '/two-factor/verify-totp': { window: 60, max: o.signInRateLimit },
        '/two-factor/verify-backup-code': { window: 60, max: o.signInRateLimit },
        '/request-password-reset': { window: 60, max: o.signInRateLimit },
        // starting an SSO sign-in only hands out a redirect: no secret to guess, so not better-auth's
        // default of 3 per 10 s for /sign-in/*, which a school behind one address would hit at 8:25
        '/sign-in/social': { window: 60, max: 120 },
      },
    },
    hooks: {
      // absolute timeout, for every endpoint (under /api/auth as well as auth.api.getSession for
      // /api/v1): a session older than this is gone, however recently it was used
      before: createAuthMiddleware(async (ctx) => {
        const token = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
        if (!token) return;
        await o.database.raw(
          `delete from sessions where token = $1 and created_at < now() - make_interval(secs => $2)`,
          [token, ABSOLUTE_SESSION_SECONDS],
        );
      }),
    },
    databaseHooks: {
      user: {
        create: {
          // people are invited (seed/accounts, the users module): better-auth never makes anyone,
          // whatever a sign-up or sign-in request asks for
          async before() {
            throw new APIError('FORBIDDEN', { message: 'signup_disabled', code: 'SIGNUP_DISABLED' });
          },
        },
      },
      account: {
        create: {
          async before(account) {
            if (account.providerId !== 'credential' && !(await mayUseProvider(account.userId, account.providerId))) {
              throw new APIError('FORBIDDEN', { message: 'sso_not_for_this_user', code: 'SSO_NOT_FOR_THIS_USER' });
            }
            return { data: account };
          },
        },
      },
      session: {
        create: {
          async before(session, ctx) {
            const [u] = await o.database.raw<{ deactivated_at: Date | null }>(
              'select deactivated_at from users where id = $1',
              [session.userId],
            );
            if (!u || u.deactivated_at) throw new APIError('FORBIDDEN', { message: 'account_deactivated', code: 'ACCOUNT_DEACTIVATED' });
            const providerId = ssoProviderOf(ctx);
            if (providerId && !(await mayUseProvider(session.userId, providerId))) {
              throw new APIError('FORBIDDEN', { message: 'sso_not_for_this_user', code: 'SSO_NOT_FOR_THIS_USER' });
            }
            return { data: session };
          },
        },
      },
    },
    plugins: [
      twoFactor({ issuer: 'Rondom' }),
      genericOAuth({
        config: o.oidcProviders.map((p) => ({
          providerId: p.providerId,
          discoveryUrl: p.discoveryUrl,
          clientId: p.clientId,
          clientSecret: p.clientSecret,
          scopes: ['openid', 'email', 'profile'],
          pkce: true,
          // OpenID Connect's default client authentication, which every provider supports
          authentication: 'basic' as const,
          // only people already invited into Rondom may sign in through SSO. disableImplicitSignUp
          // alone gives way to a client that sends requestSignUp: true; disableSignUp does not
          disableImplicitSignUp: true,
          disableSignUp: true,
        })),
      }),
    ],
  });
}
export type Auth = ReturnType<typeof createAuth>;
