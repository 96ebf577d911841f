import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error: oidc-provider ships no type declarations; the little used here is typed below
import ProviderModule from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, ensureAccount } from '../seed/accounts.js';
import { generateRegion } from '../seed/generate.js';
import { createTestApp, TEST_PUBLIC_URL, type TestClient, type TTestApp } from '../testing/app.js';

/*
 * Single sign-on against a real OpenID Connect provider (oidc-provider, with its development
 * login and consent pages) on a loopback port. The browser's part is played by plain fetch
 * against the provider and by the TestClient against Rondom; the provider's redirect back to
 * Rondom's callback goes into app.inject with the TestClient's cookies.
 */

interface TOidcAccount {
  accountId: string;
  claims(): Promise<Record<string, unknown>>;
}
type TProvider = { callback(): (req: unknown, res: unknown) => void };
const Provider = ProviderModule as new (issuer: string, config: Record<string, unknown>) => TProvider;

const PROVIDER_ID = 'schoolid';
const CLIENT_ID = 'rondom-test';
const CLIENT_SECRET = 'rondom-test-client-secret-0123456789';
const SESSION_COOKIE = '__Secure-rondom.session_token';

/** People the identity provider knows, by subject. */
const IDP_PEOPLE: Record<string, { email: string; name: string }> = {
  'sub-invited': { email: 'ib.invited@sso.test', name: 'Ib Uitgenodigd' },
  'sub-stranger': { email: 'st.stranger@sso.test', name: 'Sta Vreemd' },
  'sub-other-region': { email: 'or.other@plain.test', name: 'Oda Andere Regio' },
  'sub-deactivated': { email: 'de.deactivated@sso.test', name: 'Dee Gestopt' },
  'sub-moved': { email: 'ma.moved@sso.test', name: 'Max Verhuisd' },
};

/** A browser's cookie jar for the identity provider (one origin, so no path or domain logic). */
class Jar {
  private cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

let server: Server;
let issuer: string;
let t: TTestApp;
let regionId: string;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${TEST_PUBLIC_URL}/api/auth/callback/${PROVIDER_ID}`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx: unknown, sub: string): Promise<TOidcAccount | undefined> {
      const person = IDP_PEOPLE[sub];
      if (!person) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: person.email, email_verified: true, name: person.name }) };
    },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    // PKCE is required by default in v9; say so explicitly, it is part of what is tested
    pkce: { required: () => true },
  });
  server.on('request', provider.callback());

  t = await createTestApp({}, async (database) => {
    const sso = await generateRegion(database, {
      slug: 'sso',
      name: 'Regio SSO',
      schools: 1,
      pupils: 3,
      seed: 31,
      settings: {
        oidc: {
          providerId: PROVIDER_ID,
          label: 'SchoolID',
          discoveryUrl: `${issuer}/.well-known/openid-configuration`,
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
        },
      },
    });
    regionId = sso.regionId;
    const plain = await generateRegion(database, { slug: 'plain', name: 'Regio zonder SSO', schools: 1, pupils: 3, seed: 32 });
    // invited into the SSO region; has a password too, the SSO account gets linked to it
    const invited = await ensureAccount(database, { name: 'Ib Uitgenodigd', email: IDP_PEOPLE['sub-invited']!.email, password: 'ib-password-1234' });
    await addMembership(database, { regionId: sso.regionId, userId: invited, role: 'school_care_coordinator', organisationId: sso.schools[0]!.id });
    // a member of another region only: the SSO region's identity provider does not speak for them
    const other = await ensureAccount(database, { name: 'Oda Andere Regio', email: IDP_PEOPLE['sub-other-region']!.email, password: 'oda-password-1234' });
    await addMembership(database, { regionId: plain.regionId, userId: other, role: 'swv_admin', organisationId: plain.swvId });
    const gone = await ensureAccount(database, { name: 'Dee Gestopt', email: IDP_PEOPLE['sub-deactivated']!.email, password: 'dee-password-1234' });
    await addMembership(database, { regionId: sso.regionId, userId: gone, role: 'teacher', organisationId: sso.schools[0]!.id });
    await database.raw('update users set deactivated_at = now() where id = $1', [gone]);
    // a member of both regions, whose membership in the SSO region will end
    const moved = await ensureAccount(database, { name: 'Max Verhuisd', email: IDP_PEOPLE['sub-moved']!.email, password: 'max-password-1234' });
    await addMembership(database, { regionId: sso.regionId, userId: moved, role: 'swv_consultant', organisationId: sso.swvId });
    await addMembership(database, { regionId: plain.regionId, userId: moved, role: 'swv_consultant', organisationId: plain.swvId });
  });
});

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Follows the provider's redirects, logging in as `sub` and consenting, until it sends the browser back to Rondom. */
async function throughProvider(authorizeUrl: string, sub: string): Promise<URL> {
  const jar = new Jar();
  let url = authorizeUrl;
  let method: 'GET' | 'POST' = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    jar.take(res);
    method = 'GET';
    body = undefined;
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.origin !== issuer) return next;
      url = next.toString();
      continue;
    }
    const html = await res.text();
    expect(res.status, html).toBe(200);
    // the development interaction pages: a login form, then a consent form
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    const prompt = html.match(/name="prompt" value="(\w+)"/)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page from the provider: ${html.slice(0, 500)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).toString();
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: sub, password: 'irrelevant' } : { prompt }).toString();
  }
  throw new Error('too many redirects at the provider');
}

/** The whole SSO sign-in as a browser would do it. */
async function ssoSignIn(sub: string, extra: Record<string, unknown> = {}) {
  const c = t.client();
  const start = await c.post('/api/auth/sign-in/social', { provider: PROVIDER_ID, callbackURL: '/', errorCallbackURL: '/aanmelden', ...extra });
  expect(start.statusCode, start.body).toBe(200);
  const { url } = start.json() as { url: string };
  const authorize = new URL(url);
  expect(authorize.origin).toBe(issuer);
  const back = await throughProvider(url, sub);
  expect(`${back.origin}${back.pathname}`).toBe(`${TEST_PUBLIC_URL}/api/auth/callback/${PROVIDER_ID}`);
  const callback = await c.get(`${back.pathname}${back.search}`);
  return { c, authorize, back, callback };
}

function hasSession(c: TestClient) {
  return !!c.cookie(SESSION_COOKIE);
}

const userByEmail = (email: string) =>
  t.database.raw<{ id: string }>('select id from users where lower(email) = lower($1)', [email]);

describe('single sign-on through a region’s OpenID Connect provider', () => {
  it('signs in an invited user, with PKCE, state and nonce, and links the account', async () => {
    const { c, authorize, back, callback } = await ssoSignIn('sub-invited');
    // what Rondom asked the provider for
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(back.searchParams.get('code')).toBeTruthy();
    expect(back.searchParams.get('state')).toBe(authorize.searchParams.get('state'));

    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/');
    expect(hasSession(c)).toBe(true);
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(IDP_PEOPLE['sub-invited']!.email);
    expect(me.json().activeMembership.regionId).toBe(regionId);

    const [user] = await userByEmail(IDP_PEOPLE['sub-invited']!.email);
    const accounts = await t.database.raw<{ provider_id: string; account_id: string }>(
      'select provider_id, account_id from accounts where user_id = $1 order by provider_id',
      [user!.id],
    );
    expect(accounts).toEqual([
      { provider_id: 'credential', account_id: user!.id },
      { provider_id: PROVIDER_ID, account_id: 'sub-invited' },
    ]);

    // a second sign-in uses the linked account
    const again = await ssoSignIn('sub-invited');
    expect(again.callback.statusCode).toBe(302);
    expect((await again.c.get('/api/v1/me')).json().user.id).toBe(user!.id);
  });

  it('does not make an account for someone who was not invited', async () => {
    const usersBefore = await t.database.raw('select id from users');
    for (const extra of [{}, { requestSignUp: true }]) {
      const { c, callback } = await ssoSignIn('sub-stranger', extra);
      expect(callback.statusCode).toBe(302);
      expect(String(callback.headers.location)).toMatch(/^\/aanmelden\?error=/);
      expect(hasSession(c)).toBe(false);
      expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    }
    expect(await userByEmail(IDP_PEOPLE['sub-stranger']!.email)).toHaveLength(0);
    expect(await t.database.raw('select id from users')).toHaveLength(usersBefore.length);
  });

  it('does not let a region’s provider sign in a member of another region only', async () => {
    const { c, callback } = await ssoSignIn('sub-other-region');
    expect(callback.statusCode).toBe(302);
    expect(String(callback.headers.location)).toMatch(/^\/aanmelden\?error=/);
    expect(hasSession(c)).toBe(false);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    const [user] = await userByEmail(IDP_PEOPLE['sub-other-region']!.email);
    const linked = await t.database.raw('select 1 from accounts where user_id = $1 and provider_id = $2', [user!.id, PROVIDER_ID]);
    expect(linked).toHaveLength(0);
    const sessions = await t.database.raw('select 1 from sessions where user_id = $1', [user!.id]);
    expect(sessions).toHaveLength(0);
  });

  it('stops signing someone in once their membership in the provider’s region has ended', async () => {
    const first = await ssoSignIn('sub-moved');
    expect(first.callback.headers.location).toBe('/');
    expect((await first.c.get('/api/v1/me')).statusCode).toBe(200);
    const [user] = await userByEmail(IDP_PEOPLE['sub-moved']!.email);
    await t.database.raw(
      `update memberships set ended_at = now() where user_id = $1 and region_id = $2`,
      [user!.id, regionId],
    );
    const again = await ssoSignIn('sub-moved');
    expect(String(again.callback.headers.location)).toMatch(/^\/aanmelden\?error=/);
    expect(hasSession(again.c)).toBe(false);
    // their own password still works for the region they are still in
    const c = await t.signIn(IDP_PEOPLE['sub-moved']!.email, 'max-password-1234');
    expect((await c.get('/api/v1/me')).json().activeMembership.regionId).not.toBe(regionId);
  });

  it('does not sign in a deactivated user', async () => {
    const { c, callback } = await ssoSignIn('sub-deactivated');
    expect(callback.statusCode).toBe(302);
    expect(String(callback.headers.location)).toMatch(/^\/aanmelden\?error=/);
    expect(hasSession(c)).toBe(false);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('does not send the browser on to another site after sign-in', async () => {
    for (const body of [{ callbackURL: 'https://evil.example/' }, { callbackURL: '/', errorCallbackURL: 'https://evil.example/' }]) {
      const res = await t.client().post('/api/auth/sign-in/social', { provider: PROVIDER_ID, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
    }
  });

  it('refuses a callback that does not belong to this browser’s sign-in', async () => {
    // the provider's answer for one browser, replayed in another (login CSRF / code injection)
    const victim = t.client();
    const start = await victim.post('/api/auth/sign-in/social', { provider: PROVIDER_ID, callbackURL: '/', errorCallbackURL: '/aanmelden' });
    const back = await throughProvider((start.json() as { url: string }).url, 'sub-invited');
    const attacker = t.client();
    const res = await attacker.get(`${back.pathname}${back.search}`);
    expect(res.statusCode).toBe(302);
    expect(hasSession(attacker)).toBe(false);
    expect((await attacker.get('/api/v1/me')).statusCode).toBe(401);
  });
});
