import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifiedToken } from './session.js';

const secret = 'a-test-secret-of-some-length-0123456789';
const sign = (token: string, key = secret) => `${token}.${createHmac('sha256', key).update(token).digest('base64')}`;

describe('session cookie check', () => {
  it('accepts a cookie signed with the secret and returns its token', () => {
    expect(verifiedToken(sign('abc123'), secret)).toBe('abc123');
  });

  it('refuses a cookie signed with another secret, a changed token, or no signature', () => {
    expect(verifiedToken(sign('abc123', 'another-secret'), secret)).toBeNull();
    expect(verifiedToken(sign('abc123').replace('abc123', 'abc124'), secret)).toBeNull();
    expect(verifiedToken('abc123', secret)).toBeNull();
    expect(verifiedToken('.', secret)).toBeNull();
    expect(verifiedToken(undefined, secret)).toBeNull();
  });
});
