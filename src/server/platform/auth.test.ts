import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMembership, ensureAccount } from '../seed/accounts.js';
import { generateRegion } from '../seed/generate.js';
import { createTestApp, TEST_PUBLIC_URL, type TestClient, type TTestApp } from '../testing/app.js';
import { buildWorld, type TWorld, WORLD_PASSWORD } from '../testing/world.js';

const SESSION_COOKIE = '__Secure-rondom.session_token';

// ---------------------------------------------------------------------------------------------
// helpers

/** RFC 4648 base32 (no padding), as in otpauth:// URIs. */
function base32Decode(s: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of s.replace(/=+$/, '').toUpperCase()) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) for the time step `offset` steps from now. */
function totp(key: Buffer, offset = 0): string {
  const counter = Math.floor(Date.now() / 30_000) + offset;
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac('sha1', key).update(msg).digest();
  const o = h[h.length - 1]! & 0xf;
  const bin = ((h[o]! & 0x7f) << 24) | (h[o + 1]! << 16) | (h[o + 2]! << 8) | h[o + 3]!;
  return String(bin % 1_000_000).padStart(6, '0');
}

function secretFromUri(uri: string): Buffer {
  const secret = new URL(uri).searchParams.get('secret');
  if (!secret) throw new Error(`no secret in ${uri}`);
  return base32Decode(secret);
}

/** The raw Set-Cookie lines of a response. */
function setCookies(res: LightMyRequestResponse): string[] {
  const h = res.headers['set-cookie'];
  return h === undefined ? [] : Array.isArray(h) ? h : [h];
}

/** A Set-Cookie that establishes (not clears) a session. */
function setsSession(res: LightMyRequestResponse): boolean {
  return (res.cookies as { name: string; value: string }[]).some((c) => c.name === SESSION_COOKIE && c.value !== '');
}

/** Decodes a quoted-printable raw SMTP message well enough to read links from it. */
function decodeMail(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

async function sessionCount(t: TTestApp, userId: string): Promise<number> {
  const [row] = await t.database.raw<{ n: number }>('select count(*)::int as n from sessions where user_id = $1', [userId]);
  return row!.n;
}

async function signInRaw(t: TTestApp, email: string, password: string, c: TestClient = t.client()) {
  const res = await c.post('/api/auth/sign-in/email', { email, password });
  return { c, res };
}

// ---------------------------------------------------------------------------------------------

describe('sign-in and sessions', () => {
  let t: TTestApp;
  let w: TWorld;
  /** a region that requires a second factor for staff */
  let tf: { regionId: string; staff: string; staffEmail: string; parent: string; parentEmail: string; staff2Email: string };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database);
    const region = await generateRegion(t.database, {
      slug: 'tf',
      name: 'Regio 2FA',
      schools: 1,
      pupils: 5,
      seed: 21,
      settings: { requireSecondFactorForStaff: true },
    });
    const staffEmail = 'zorg-2fa@tf.test';
    const staff = await ensureAccount(t.database, { name: 'Zorg 2FA', email: staffEmail, password: WORLD_PASSWORD });
    await addMembership(t.database, { regionId: region.regionId, userId: staff, role: 'school_care_coordinator', organisationId: region.schools[0]!.id });
    const staff2Email = 'leraar-2fa@tf.test';
    const staff2 = await ensureAccount(t.database, { name: 'Leraar 2FA', email: staff2Email, password: WORLD_PASSWORD });
    await addMembership(t.database, { regionId: region.regionId, userId: staff2, role: 'teacher', organisationId: region.schools[0]!.id });
    const parentEmail = 'ouder-2fa@tf.test';
    const parent = await ensureAccount(t.database, { name: 'Ouder 2FA', email: parentEmail, password: WORLD_PASSWORD });
    await addMembership(t.database, { regionId: region.regionId, userId: parent, role: 'parent', organisationId: null });
    tf = { regionId: region.regionId, staff, staffEmail, parent, parentEmail, staff2Email };
  });
  afterAll(() => t.close());

  describe('e-mail and password', () => {
    it('signs in with the right password and the session works', async () => {
      const { c, res } = await signInRaw(t, w.emails.swv_expert!, WORLD_PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(setsSession(res)).toBe(true);
      const me = await c.get('/api/v1/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().user.email).toBe(w.emails.swv_expert);
    });

    it('refuses a wrong password with 401 and no session', async () => {
      const before = await sessionCount(t, w.users.swv_expert);
      const { c, res } = await signInRaw(t, w.emails.swv_expert!, 'not-the-password-1');
      expect(res.statusCode).toBe(401);
      expect(setsSession(res)).toBe(false);
      expect((await c.get('/api/v1/me')).statusCode).toBe(401);
      expect(await sessionCount(t, w.users.swv_expert)).toBe(before);
    });

    it('refuses an unknown e-mail address the same way', async () => {
      const { res } = await signInRaw(t, 'nobody@nowhere.test', WORLD_PASSWORD);
      expect(res.statusCode).toBe(401);
      expect(setsSession(res)).toBe(false);
    });

    it('refuses a deactivated user even with the right password', async () => {
      const email = 'gestopt@w.test';
      const id = await ensureAccount(t.database, { name: 'Gestopt', email, password: WORLD_PASSWORD });
      await addMembership(t.database, { regionId: w.a.regionId, userId: id, role: 'swv_expert', organisationId: w.a.swvId });
      expect((await signInRaw(t, email, WORLD_PASSWORD)).res.statusCode).toBe(200);
      await t.database.raw('update users set deactivated_at = now() where id = $1', [id]);
      const { c, res } = await signInRaw(t, email, WORLD_PASSWORD);
      expect(res.statusCode).toBe(403);
      expect(setsSession(res)).toBe(false);
      expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    });

    it('does not let anyone sign up: accounts exist by invitation only', async () => {
      const res = await t.client().post('/api/auth/sign-up/email', { email: 'nieuw@w.test', password: 'a-long-password-1', name: 'Nieuw' });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      const rows = await t.database.raw('select 1 from users where email = $1', ['nieuw@w.test']);
      expect(rows).toHaveLength(0);
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing API call without, or with a wrong, token, or from a foreign origin', async () => {
      const admin = await t.signIn(w.emails.swv_admin!, WORLD_PASSWORD);
      const url = `/api/v1/users/${w.users.opr_member}/deactivate`;
      const attempts: Record<string, string>[] = [
        { 'x-csrf-token': '' },
        { 'x-csrf-token': 'x'.repeat(admin.cookie('rondom_csrf')!.length) },
        { origin: 'https://evil.example' },
      ];
      for (const headers of attempts) {
        const res = await admin.post(url, {}, headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.json().error.code).toBe('csrf');
      }
      // a header-less request (no x-csrf-token at all), as a cross-site form would send
      const bare = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: `${SESSION_COOKIE}=${admin.cookie(SESSION_COOKIE)}; rondom_csrf=${admin.cookie('rondom_csrf')}`, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(bare.statusCode).toBe(403);
      expect(bare.json().error.code).toBe('csrf');
      const [u] = await t.database.raw<{ deactivated_at: Date | null }>('select deactivated_at from users where id = $1', [w.users.opr_member]);
      expect(u!.deactivated_at).toBeNull();
      const [m] = await t.database.raw<{ n: number }>('select count(*)::int as n from memberships where user_id = $1 and ended_at is null', [w.users.opr_member]);
      expect(m!.n).toBe(1);
      // and with the token the same call goes through: the refusals above were about CSRF only
      expect((await admin.get(`/api/v1/me`)).statusCode).toBe(200);
    });

    it('refuses a sign-in without, or with a wrong, token, or from a foreign origin', async () => {
      const before = await sessionCount(t, w.users.swv_board);
      const body = { email: w.emails.swv_board, password: WORLD_PASSWORD };
      const attempts: Record<string, string>[] = [{ 'x-csrf-token': '' }, { 'x-csrf-token': 'y'.repeat(32) }, { origin: 'https://evil.example' }];
      for (const headers of attempts) {
        const c = t.client();
        const res = await c.post('/api/auth/sign-in/email', body, headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.json().error.code).toBe('csrf');
        expect(setsSession(res)).toBe(false);
      }
      const noCookie = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { 'content-type': 'application/json', origin: TEST_PUBLIC_URL },
        payload: JSON.stringify(body),
      });
      expect(noCookie.statusCode).toBe(403);
      expect(noCookie.json().error.code).toBe('csrf');
      expect(await sessionCount(t, w.users.swv_board)).toBe(before);
      // the same sign-in with the token works
      expect((await signInRaw(t, w.emails.swv_board!, WORLD_PASSWORD)).res.statusCode).toBe(200);
    });
  });

  describe('cookies', () => {
    it('sets the session cookie HttpOnly, Secure and SameSite=Lax', async () => {
      const { res } = await signInRaw(t, w.emails.parent_support!, WORLD_PASSWORD);
      const session = setCookies(res).filter((c) => c.startsWith(`${SESSION_COOKIE}=`));
      expect(session).toHaveLength(1);
      const attrs = session[0]!.split(';').map((a) => a.trim().toLowerCase());
      expect(attrs).toContain('httponly');
      expect(attrs).toContain('secure');
      expect(attrs).toContain('samesite=lax');
      // every auth cookie has the same protection
      for (const c of setCookies(res).filter((x) => x.startsWith('__Secure-rondom.'))) {
        expect(c.toLowerCase()).toMatch(/;\s*httponly/);
        expect(c.toLowerCase()).toMatch(/;\s*secure/);
      }
    });
  });

  describe('second factor (TOTP)', () => {
    it('holds staff back until TOTP is set up, then asks for a code at every sign-in', async () => {
      const c = await t.signIn(tf.staffEmail, WORLD_PASSWORD);
      const blocked = await c.get('/api/v1/pupils');
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('second_factor_required');
      const me = await c.get('/api/v1/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().secondFactor).toEqual({ required: true, enabled: false });

      // a wrong password does not start the set-up
      expect((await c.post('/api/auth/two-factor/enable', { password: 'wrong-password-1' })).statusCode).toBe(400);
      const enable = await c.post('/api/auth/two-factor/enable', { password: WORLD_PASSWORD });
      expect(enable.statusCode).toBe(200);
      const { totpURI } = enable.json() as { totpURI: string };
      expect(totpURI).toMatch(/^otpauth:\/\/totp\/Rondom:/);
      const key = secretFromUri(totpURI);
      // not yet: the secret has to be confirmed with a code first
      expect((await c.get('/api/v1/pupils')).statusCode).toBe(403);
      const wrongCode = totp(key) === '000000' ? '111111' : '000000';
      expect((await c.post('/api/auth/two-factor/verify-totp', { code: wrongCode })).statusCode).toBe(401);
      expect((await c.get('/api/v1/pupils')).statusCode).toBe(403);

      const confirm = await c.post('/api/auth/two-factor/verify-totp', { code: totp(key) });
      expect(confirm.statusCode).toBe(200);
      const ok = await c.get('/api/v1/pupils');
      expect(ok.statusCode).toBe(200);
      expect(ok.json().total).toBeGreaterThan(0);
      expect((await c.get('/api/v1/me')).json().secondFactor).toEqual({ required: true, enabled: true });

      // a new sign-in: password alone is not enough
      const d = t.client();
      const first = await d.post('/api/auth/sign-in/email', { email: tf.staffEmail, password: WORLD_PASSWORD });
      expect(first.statusCode).toBe(200);
      expect(first.json().twoFactorRedirect).toBe(true);
      expect(setsSession(first)).toBe(false);
      expect((await d.get('/api/v1/me')).statusCode).toBe(401);
      expect((await d.get('/api/v1/pupils')).statusCode).toBe(401);
      const bad = await d.post('/api/auth/two-factor/verify-totp', { code: wrongCode });
      expect(bad.statusCode).toBe(401);
      expect((await d.get('/api/v1/me')).statusCode).toBe(401);
      const second = await d.post('/api/auth/two-factor/verify-totp', { code: totp(key, 1) });
      expect(second.statusCode).toBe(200);
      expect(setsSession(second)).toBe(true);
      expect((await d.get('/api/v1/me')).statusCode).toBe(200);
      expect((await d.get('/api/v1/pupils')).statusCode).toBe(200);
    });

    it('cannot skip the code: the pending sign-in cookie alone gives no access', async () => {
      const d = t.client();
      // the staff user of the previous test has TOTP now; a teacher without TOTP gets a plain session
      const first = await d.post('/api/auth/sign-in/email', { email: tf.staffEmail, password: WORLD_PASSWORD });
      expect(first.json().twoFactorRedirect).toBe(true);
      expect((await d.post('/api/auth/two-factor/enable', { password: WORLD_PASSWORD })).statusCode).toBe(401);
      expect((await d.get('/api/auth/get-session')).json()).toBeNull();
    });

    it('blocks every staff role in the region, not just one', async () => {
      const c = await t.signIn(tf.staff2Email, WORLD_PASSWORD);
      const res = await c.get('/api/v1/pupils');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('second_factor_required');
    });

    it('does not require a second factor of a parent', async () => {
      const c = await t.signIn(tf.parentEmail, WORLD_PASSWORD);
      expect((await c.get('/api/v1/pupils')).statusCode).toBe(200);
      expect((await c.get('/api/v1/me')).json().secondFactor).toEqual({ required: false, enabled: false });
    });

    it('does not require it of staff in a region that does not ask for it', async () => {
      const c = await t.signIn(w.emails.school_care_coordinator!, WORLD_PASSWORD);
      expect((await c.get('/api/v1/pupils')).statusCode).toBe(200);
    });
  });

  describe('password reset by e-mail', () => {
    it('mails a link; the token sets a new password, ends the old one and every session', async () => {
      const email = w.emails.school_director!;
      const other = await t.signIn(email, WORLD_PASSWORD);
      expect((await other.get('/api/v1/me')).statusCode).toBe(200);
      const mailsBefore = t.mail.received.length;

      // unknown address: the same answer, and no mail (checked below, after the real one arrives)
      const unknown = await t.client().post('/api/auth/request-password-reset', { email: 'onbekend@w.test', redirectTo: '/wachtwoord' });
      expect(unknown.statusCode).toBe(200);
      const req = await t.client().post('/api/auth/request-password-reset', { email, redirectTo: '/wachtwoord' });
      expect(req.statusCode).toBe(200);
      expect(req.body).toBe(unknown.body);

      await vi.waitFor(() => expect(t.mail.received.length).toBeGreaterThan(mailsBefore), { timeout: 10_000, interval: 50 });
      const mails = t.mail.received.slice(mailsBefore).map(decodeMail);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail).toMatch(new RegExp(`^To: .*${email.replace('.', '\\.')}`, 'mi'));
      const link = mail.match(/https?:\/\/\S+\/api\/auth\/reset-password\/([A-Za-z0-9_-]+)\S*/);
      expect(link, mail).not.toBeNull();
      expect(link![0].startsWith(`${TEST_PUBLIC_URL}/api/auth/reset-password/`)).toBe(true);
      // the link, opened in a browser, lands on the web app's page with the token
      const opened = await t.client().get(link![0].slice(TEST_PUBLIC_URL.length));
      expect(opened.statusCode).toBe(302);
      const landing = new URL(String(opened.headers.location), TEST_PUBLIC_URL);
      expect(landing.origin).toBe(TEST_PUBLIC_URL);
      expect(landing.pathname).toBe('/wachtwoord');
      const token = landing.searchParams.get('token')!;
      expect(token).toBe(link![1]);

      // a wrong token does nothing
      const wrong = await t.client().post('/api/auth/reset-password', { newPassword: 'nieuw-wachtwoord-42', token: `${token}x` });
      expect(wrong.statusCode).toBe(400);

      const newPassword = 'nieuw-wachtwoord-42';
      const reset = await t.client().post('/api/auth/reset-password', { newPassword, token });
      expect(reset.statusCode).toBe(200);

      expect((await other.get('/api/v1/me')).statusCode).toBe(401);
      expect((await signInRaw(t, email, WORLD_PASSWORD)).res.statusCode).toBe(401);
      expect((await signInRaw(t, email, newPassword)).res.statusCode).toBe(200);
      // the token is single-use
      expect((await t.client().post('/api/auth/reset-password', { newPassword: 'derde-wachtwoord-43', token })).statusCode).toBe(400);
      expect((await signInRaw(t, email, newPassword)).res.statusCode).toBe(200);
    });

    it('lets an invited person without a password set one through the mailed link', async () => {
      // as the users module invites someone new: a user row and a membership, no account yet
      const email = 'nieuw-uitgenodigd@w.test';
      const [u] = await t.database.raw<{ id: string }>(
        `insert into users (id, name, email, email_verified) values (replace(gen_random_uuid()::text, '-', ''), 'Nieuw', $1, true) returning id`,
        [email],
      );
      await addMembership(t.database, { regionId: w.a.regionId, userId: u!.id, role: 'teacher', organisationId: w.schoolA1 });
      const before = t.mail.received.length;
      expect((await t.client().post('/api/auth/request-password-reset', { email, redirectTo: '/wachtwoord' })).statusCode).toBe(200);
      await vi.waitFor(() => expect(t.mail.received.length).toBeGreaterThan(before), { timeout: 10_000, interval: 50 });
      const token = decodeMail(t.mail.received[before]!).match(/\/api\/auth\/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
      expect((await t.client().post('/api/auth/reset-password', { newPassword: 'eerste-wachtwoord-1', token })).statusCode).toBe(200);
      const c = await t.signIn(email, 'eerste-wachtwoord-1');
      expect((await c.get('/api/v1/me')).json().user.email).toBe(email);
    });

    it('refuses a reset link that would lead to another site', async () => {
      const before = t.mail.received.length;
      const res = await t.client().post('/api/auth/request-password-reset', { email: w.emails.municipality_analyst, redirectTo: 'https://evil.example/steal' });
      expect(res.statusCode).toBe(403);
      await t.client().post('/api/auth/request-password-reset', { email: w.emails.opr_member, redirectTo: '/wachtwoord' });
      await vi.waitFor(() => expect(t.mail.received.length).toBeGreaterThan(before), { timeout: 10_000, interval: 50 });
      expect(t.mail.received.slice(before)).toHaveLength(1);
      expect(t.mail.received[before]).not.toContain('evil.example');
    });

    it('sends no mail to a deactivated account', async () => {
      const email = 'gestopt-reset@w.test';
      const id = await ensureAccount(t.database, { name: 'Gestopt', email, password: WORLD_PASSWORD });
      await t.database.raw('update users set deactivated_at = now() where id = $1', [id]);
      const before = t.mail.received.length;
      const res = await t.client().post('/api/auth/request-password-reset', { email, redirectTo: '/wachtwoord' });
      expect(res.statusCode).toBe(200);
      // a mail to a live account afterwards proves the queue has drained past ours
      await t.client().post('/api/auth/request-password-reset', { email: w.emails.municipality_analyst, redirectTo: '/wachtwoord' });
      await vi.waitFor(() => expect(t.mail.received.length).toBeGreaterThan(before), { timeout: 10_000, interval: 50 });
      const mails = t.mail.received.slice(before);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toContain(w.emails.municipality_analyst);
    });
  });

  describe('signing out', () => {
    it('sign-out ends this session only', async () => {
      const a = await t.signIn(w.emails.attendance_officer!, WORLD_PASSWORD);
      const b = await t.signIn(w.emails.attendance_officer!, WORLD_PASSWORD);
      expect((await a.post('/api/auth/sign-out')).statusCode).toBe(200);
      expect((await a.get('/api/v1/me')).statusCode).toBe(401);
      expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    });

    it('revoke-sessions signs the user out everywhere', async () => {
      const a = await t.signIn(w.emails.care_partner!, WORLD_PASSWORD);
      const b = await t.signIn(w.emails.care_partner!, WORLD_PASSWORD);
      const bystander = await t.signIn(w.emails.swv_expert!, WORLD_PASSWORD);
      expect((await a.get('/api/v1/me')).statusCode).toBe(200);
      expect((await b.get('/api/v1/me')).statusCode).toBe(200);
      expect((await a.post('/api/auth/revoke-sessions')).statusCode).toBe(200);
      expect((await a.get('/api/v1/me')).statusCode).toBe(401);
      expect((await b.get('/api/v1/me')).statusCode).toBe(401);
      expect(await sessionCount(t, w.users.care_partner)).toBe(0);
      expect((await bystander.get('/api/v1/me')).statusCode).toBe(200);
    });
  });

  describe('deactivation', () => {
    it('ends the sessions of a deactivated user, who cannot sign in again', async () => {
      const teacher = await t.signIn(w.emails.teacher!, WORLD_PASSWORD);
      expect((await teacher.get('/api/v1/me')).statusCode).toBe(200);
      const admin = await t.signIn(w.emails.swv_admin!, WORLD_PASSWORD);
      const res = await admin.post(`/api/v1/users/${w.users.teacher}/deactivate`);
      expect(res.statusCode).toBe(200);
      expect((await teacher.get('/api/v1/me')).statusCode).toBe(401);
      expect((await teacher.get('/api/v1/pupils')).statusCode).toBe(401);
      const again = await signInRaw(t, w.emails.teacher!, WORLD_PASSWORD);
      expect(again.res.statusCode).toBe(403);
      expect(setsSession(again.res)).toBe(false);
      expect(await sessionCount(t, w.users.teacher)).toBe(0);
    });
  });

  describe('switching region', () => {
    it('lists only the active region’s pupils, and switches only to one’s own memberships', async () => {
      const bMembership = await addMembership(t.database, { regionId: w.b.regionId, userId: w.users.swv_consultant, role: 'swv_consultant', organisationId: w.b.swvId });
      const c = await t.signIn(w.emails.swv_consultant!, WORLD_PASSWORD);
      const me = (await c.get('/api/v1/me')).json();
      expect(me.memberships.map((m: { regionId: string }) => m.regionId).sort()).toEqual([w.a.regionId, w.b.regionId].sort());

      const regionOf = async (ids: string[]) =>
        new Set((await t.database.raw<{ region_id: string }>('select distinct region_id from pupils where id = any($1)', [ids])).map((r) => r.region_id));
      const listIds = async () => {
        const res = await c.get('/api/v1/pupils?pageSize=100');
        expect(res.statusCode).toBe(200);
        return (res.json().items as { id: string }[]).map((p) => p.id);
      };

      expect((await c.put('/api/v1/me/active-membership', { membershipId: bMembership })).statusCode).toBe(204);
      expect((await c.get('/api/v1/me')).json().activeMembership.regionId).toBe(w.b.regionId);
      const inB = await listIds();
      expect(inB.length).toBeGreaterThan(0);
      expect(await regionOf(inB)).toEqual(new Set([w.b.regionId]));

      const aMembership = me.memberships.find((m: { regionId: string }) => m.regionId === w.a.regionId).id;
      expect((await c.put('/api/v1/me/active-membership', { membershipId: aMembership })).statusCode).toBe(204);
      const inA = await listIds();
      expect(await regionOf(inA)).toEqual(new Set([w.a.regionId]));

      // someone else's membership, and one that does not exist: 404, and nothing changes
      const [foreign] = await t.database.raw<{ id: string }>('select id from memberships where user_id = $1', [w.users.b_consultant]);
      for (const membershipId of [foreign!.id, '00000000-0000-4000-8000-000000000000']) {
        const res = await c.put('/api/v1/me/active-membership', { membershipId });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
      expect((await c.get('/api/v1/me')).json().activeMembership.regionId).toBe(w.a.regionId);
    });
  });
});

describe('rate limit on sign-in', () => {
  let t: TTestApp;
  beforeAll(async () => {
    t = await createTestApp({ signInRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 rate_limited to the 4th attempt in a minute from one address', async () => {
    const email = 'iemand@rl.test';
    await ensureAccount(t.database, { name: 'Iemand', email, password: WORLD_PASSWORD });
    const c = t.client();
    for (let i = 0; i < 3; i++) {
      expect((await c.post('/api/auth/sign-in/email', { email, password: `wrong-password-${i}` })).statusCode).toBe(401);
    }
    const fourth = await c.post('/api/auth/sign-in/email', { email, password: 'wrong-password-3' });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // the right password does not get through either, nor does a made-up forwarding header
    const right = await c.post('/api/auth/sign-in/email', { email, password: WORLD_PASSWORD });
    expect(right.statusCode).toBe(429);
    expect(setsSession(right)).toBe(false);
    const spoofed = await t.client().post('/api/auth/sign-in/email', { email, password: WORLD_PASSWORD }, { 'x-forwarded-for': '203.0.113.7' });
    expect(spoofed.statusCode).toBe(429);
    // another address is not affected
    const elsewhere = t.client();
    await elsewhere.get('/healthz');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      remoteAddress: '198.51.100.9',
      headers: {
        'content-type': 'application/json',
        origin: TEST_PUBLIC_URL,
        cookie: `rondom_csrf=${elsewhere.cookie('rondom_csrf')}`,
        'x-csrf-token': elsewhere.cookie('rondom_csrf')!,
      },
      payload: JSON.stringify({ email, password: WORLD_PASSWORD }),
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('session timeouts', () => {
  let t: TTestApp;
  let email: string;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp({ idleTimeoutSeconds: 60 });
    const region = await generateRegion(t.database, { slug: 'to', name: 'Regio T', schools: 1, pupils: 3, seed: 5 });
    email = 'tijd@to.test';
    userId = await ensureAccount(t.database, { name: 'Tijd', email, password: WORLD_PASSWORD });
    await addMembership(t.database, { regionId: region.regionId, userId, role: 'swv_consultant', organisationId: region.swvId });
  });
  afterAll(() => t.close());

  const onlySession = async () => {
    const rows = await t.database.raw<{ id: string; expires_at: Date; created_at: Date }>(
      'select id, expires_at, created_at from sessions where user_id = $1',
      [userId],
    );
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('ends a session after the idle timeout', async () => {
    await t.database.raw('delete from sessions where user_id = $1', [userId]);
    const c = await t.signIn(email, WORLD_PASSWORD);
    const s = await onlySession();
    // the idle timeout is what the session is given
    expect(s.expires_at.getTime() - s.created_at.getTime()).toBeLessThanOrEqual(61_000);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    await t.database.raw(`update sessions set expires_at = now() - interval '1 second' where id = $1`, [s.id]);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    expect((await c.get('/api/auth/get-session')).json()).toBeNull();
  });

  it('pushes the idle expiry out on use, and tells the browser', async () => {
    await t.database.raw('delete from sessions where user_id = $1', [userId]);
    const c = await t.signIn(email, WORLD_PASSWORD);
    const s = await onlySession();
    // as if last used 40 s ago: 20 s of the 60 left
    await t.database.raw(
      `update sessions set expires_at = now() + interval '20 seconds', updated_at = now() - interval '40 seconds' where id = $1`,
      [s.id],
    );
    const before = (await onlySession()).expires_at;
    const res = await c.get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    const after = (await onlySession()).expires_at;
    expect(after.getTime()).toBeGreaterThan(before.getTime() + 20_000);
    // the cookie's lifetime is renewed along with it, or the browser would drop it mid-use
    const renewed = setCookies(res).find((x) => x.startsWith(`${SESSION_COOKIE}=`));
    expect(renewed).toBeDefined();
    expect(renewed!.toLowerCase()).toMatch(/max-age=\d+/);
    expect(renewed!.toLowerCase()).toContain('httponly');
  });

  it('ends a session after the absolute timeout even while in use', async () => {
    await t.database.raw('delete from sessions where user_id = $1', [userId]);
    const c = await t.signIn(email, WORLD_PASSWORD);
    const s = await onlySession();
    // 11 hours old: still fine
    await t.database.raw(`update sessions set created_at = now() - interval '11 hours', expires_at = now() + interval '50 seconds' where id = $1`, [s.id]);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    await t.database.raw(`update sessions set created_at = now() - interval '13 hours', expires_at = now() + interval '50 seconds' where id = $1`, [s.id]);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('applies the absolute timeout to the auth endpoints too', async () => {
    await t.database.raw('delete from sessions where user_id = $1', [userId]);
    const c = await t.signIn(email, WORLD_PASSWORD);
    const s = await onlySession();
    await t.database.raw(`update sessions set created_at = now() - interval '13 hours', expires_at = now() + interval '50 seconds' where id = $1`, [s.id]);
    expect((await c.get('/api/auth/get-session')).json()).toBeNull();
    expect((await c.post('/api/auth/update-user', { name: 'Overgenomen' })).statusCode).toBe(401);
    const [u] = await t.database.raw<{ name: string }>('select name from users where id = $1', [userId]);
    expect(u!.name).toBe('Tijd');
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });
});
