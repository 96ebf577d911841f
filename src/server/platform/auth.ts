import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
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

export function createAuth(o: TAuthOptions) {
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
    session: {
      // sliding: every use pushes the expiry out, so this is the idle timeout
      expiresIn: o.idleTimeoutSeconds,
      updateAge: Math.min(60, o.idleTimeoutSeconds),
    },
    account: { accountLinking: { enabled: true, trustedProviders: o.oidcProviders.map((p) => p.providerId) } },
    advanced: {
      useSecureCookies: true,
      cookiePrefix: 'rondom',
      defaultCookieAttributes: { httpOnly: true, secure: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: o.signInRateLimit },
        '/two-factor/verify-totp': { window: 60, max: o.signInRateLimit },
        '/request-password-reset': { window: 60, max: o.signInRateLimit },
      },
    },
    databaseHooks: {
      session: {
        create: {
          async before(session) {
            const [u] = await o.database.raw<{ deactivated_at: Date | null }>(
              'select deactivated_at from users where id = $1',
              [session.userId],
            );
            if (!u || u.deactivated_at) throw new APIError('FORBIDDEN', { message: 'account_deactivated' });
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
          // only people already invited into Rondom may sign in through SSO
          disableImplicitSignUp: true,
        })),
      }),
    ],
  });
}
export type Auth = ReturnType<typeof createAuth>;
