import { z } from 'zod';

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  /** When set, a PostgreSQL server; otherwise the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** Public address of the app, used in e-mails and as the trusted origin. */
  PUBLIC_URL: z.string().url().optional(),
  /** Secret for session and token signing; a fixed development value is generated into DATA_DIR otherwise. */
  AUTH_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Rondom <no-reply@rondom.example>'),
  /** Sign-in attempts per minute per address (the journeys sign in a dozen people from one address). */
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** The built web app to serve (a second server can serve its own build). */
  WEB_DIR: z.string().default('dist/web'),
  /**
   * Background jobs (pg-boss: the morning digest). `off` runs the web server without them, e.g. a
   * second server beside one that runs them, or a benchmark that measures requests alone.
   */
  JOBS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type TEnv = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
