import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type TAppOptions } from '../app.js';
import type { Database } from '../platform/db.js';
import { startMailSink } from '../platform/dev-mail-sink.js';
import { createMailer } from '../platform/mail.js';
import { openTestDb } from './db.js';

export const TEST_PUBLIC_URL = 'http://localhost:3999';
const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface TTestApp {
  app: FastifyInstance;
  database: Database;
  mail: { received: string[] };
  /** A browser-like client: keeps cookies and echoes the CSRF token. */
  client(): TestClient;
  /** A signed-in client. */
  signIn(email: string, password: string): Promise<TestClient>;
  close(): Promise<void>;
}

type Body = Record<string, unknown> | unknown[] | string | undefined;

export class TestClient {
  private cookies = new Map<string, string>();
  constructor(private app: FastifyInstance) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(method: string, url: string, body?: Body, headers: Record<string, string> = {}) {
    if (!this.cookies.has('rondom_csrf')) {
      // like a browser's first page load: get the CSRF cookie
      this.remember(await this.app.inject({ method: 'GET', url: '/healthz' }));
    }
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        cookie: this.cookieHeader(),
        'x-csrf-token': this.cookies.get('rondom_csrf') ?? '',
        origin: TEST_PUBLIC_URL,
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    this.remember(res);
    return res;
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body: Body = {}, headers?: Record<string, string>) => this.request('POST', url, body, headers);
  put = (url: string, body: Body = {}) => this.request('PUT', url, body);
  patch = (url: string, body: Body = {}) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
  cookie = (name: string) => this.cookies.get(name);
  setCookie = (name: string, value: string) => this.cookies.set(name, value);
}

/**
 * A fresh app on this file's own database. `beforeBuild` seeds data the app reads at start-up
 * (e.g. a region's SSO provider).
 */
export async function createTestApp(
  opts: Partial<TAppOptions> = {},
  beforeBuild?: (database: Database) => Promise<void>,
): Promise<TTestApp> {
  const database = await openTestDb();
  await beforeBuild?.(database);
  const sink = await startMailSink();
  const mailer = createMailer(sink.url, 'Rondom <no-reply@rondom.test>');
  const app = await buildApp({
    database,
    mailer,
    secret: TEST_SECRET,
    publicUrl: TEST_PUBLIC_URL,
    logLevel: 'silent',
    signInRateLimit: 1000,
    ...opts,
  });
  await app.ready();
  return {
    app,
    database,
    mail: sink,
    client: () => new TestClient(app),
    async signIn(email, password) {
      const c = new TestClient(app);
      const res = await c.post('/api/auth/sign-in/email', { email, password });
      if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
      return c;
    },
    async close() {
      await app.close();
      mailer.close();
      await sink.close();
      await database.drop();
    },
  };
}
