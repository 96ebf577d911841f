import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { createAuth, type Auth } from './platform/auth.js';
import { createSessionResolver, headersOf } from './platform/session.js';
import { registerCsrf } from './platform/csrf.js';
import { type Database, pingDb } from './platform/db.js';
import { AppError } from './platform/errors.js';
import { hasMessage, pickLocale, t } from './platform/i18n.js';
import type { Mailer } from './platform/mail.js';
import { issuesToAppError } from './platform/validation.js';
import { registerModules } from './modules/index.js';
import type { TRegionSettings } from './db/schema/region.js';

export interface TAppOptions {
  database: Database;
  mailer: Mailer;
  secret: string;
  publicUrl: string;
  logLevel?: string;
  signInRateLimit?: number;
  idleTimeoutSeconds?: number;
  /** Built web app to serve (dist/web); omitted in API tests. */
  webDir?: string;
}

export interface TAppContext {
  database: Database;
  auth: Auth;
  mailer: Mailer;
  publicUrl: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: TAppContext;
    /** Every route under /api/v1, for the access-matrix harness. */
    apiRoutes: { method: string; url: string }[];
  }
}

export async function buildApp(o: TAppOptions): Promise<FastifyInstance> {
  const regionRows = await o.database.raw<{ settings: TRegionSettings }>('select settings from regions');
  const auth = createAuth({
    database: o.database,
    mailer: o.mailer,
    secret: o.secret,
    publicUrl: o.publicUrl,
    signInRateLimit: o.signInRateLimit ?? 10,
    idleTimeoutSeconds: o.idleTimeoutSeconds ?? 30 * 60,
    oidcProviders: regionRows.flatMap((r) => (r.settings.oidc ? [r.settings.oidc] : [])),
  });

  const app = Fastify({
    logger: { level: o.logLevel ?? 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 8 * 1024 * 1024,
    // request URLs are logged: they never carry personal data (ids only)
    disableRequestLogging: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', { database: o.database, auth, mailer: o.mailer, publicUrl: o.publicUrl });
  app.decorate('apiRoutes', [] as { method: string; url: string }[]);
  app.decorateRequest('actor', null);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1/')) return;
    for (const method of [r.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: r.url });
  });

  await app.register(cookie);
  registerCsrf(app, new URL(o.publicUrl).origin);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Rondom API', version: '1', description: 'API of Rondom. Every call runs as the signed-in user.' },
      servers: [{ url: o.publicUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const locale = pickLocale(req.actor?.locale, req.headers['accept-language']);
    const tr = (key: string, params?: Record<string, unknown>) => t(locale, key, params);
    let e: AppError;
    // drizzle wraps the driver's error; the SQLSTATE is on the cause
    const pgCode = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
    if (err instanceof AppError) e = err;
    else if (hasZodFastifySchemaValidationErrors(err)) e = issuesToAppError(err.validation, tr);
    else if (pgCode === '23505') e = new AppError('conflict');
    else if (pgCode === '23503' || pgCode === '22P02' || pgCode === '22007' || pgCode === '22008')
      e = new AppError('validation');
    else if (err.statusCode === 413) e = new AppError('payload_too_large');
    else if (err.statusCode === 429) e = new AppError('rate_limited');
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) e = new AppError('validation');
    else {
      req.log.error({ err }, 'unhandled error');
      e = new AppError('internal');
    }
    // a rule's text: the general one (validation.*) or the module's own (errors.<rule>)
    const ruleKey = (rule: string) => (hasMessage(`validation.${rule}`) || !hasMessage(`errors.${rule}`) ? `validation.${rule}` : `errors.${rule}`);
    const issues = e.issues?.map(({ params, ...i }) => ({
      ...i,
      message: i.message || tr(ruleKey(i.rule), { ...e.params, ...params, field: i.field }),
    }));
    reply.status(e.status).send({ error: { code: e.code, message: tr(e.messageKey, e.params), ...(issues ? { issues } : {}) } });
  });

  // better-auth answers everything under /api/auth
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(req, reply) {
      const headers = headersOf(req);
      // the rate limiter keys on this: never trust a client-sent value
      headers.set('x-forwarded-for', req.ip);
      const body =
        req.method === 'POST' && req.body !== undefined
          ? typeof req.body === 'string'
            ? req.body
            : JSON.stringify(req.body)
          : undefined;
      const res = await auth.handler(new Request(new URL(req.url, o.publicUrl), { method: req.method, headers, body }));
      reply.status(res.status);
      for (const [k, v] of res.headers) if (k !== 'set-cookie') reply.header(k, v);
      const cookies = res.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      const text = await res.text();
      if (res.status === 429) throw new AppError('rate_limited');
      return reply.send(text.length ? text : null);
    },
  });

  // who is asking: resolved once per API request
  const resolveActor = createSessionResolver({
    database: o.database,
    auth,
    secret: o.secret,
    idleTimeoutSeconds: o.idleTimeoutSeconds ?? 30 * 60,
  });
  app.addHook('preHandler', async (req, reply) => {
    if (req.url.startsWith('/api/v1/')) req.actor = await resolveActor(req, reply);
  });

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    const ok = await pingDb(o.database);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unreachable' });
  });

  await registerModules(app);

  const indexHtml = o.webDir && existsSync(join(o.webDir, 'index.html')) ? readFileSync(join(o.webDir, 'index.html'), 'utf8') : null;
  if (o.webDir && indexHtml) {
    await app.register(fastifyStatic, { root: o.webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !indexHtml) {
      const locale = pickLocale(req.actor?.locale, req.headers['accept-language']);
      return reply.status(404).send({ error: { code: 'not_found', message: t(locale, 'errors.not_found') } });
    }
    // the web app's own router shows its 404 page for unknown paths
    return reply.type('text/html').send(indexHtml);
  });

  return app;
}
