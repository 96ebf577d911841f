import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZDate, ZEmail, ZText } from '../../shared/schemas/common.js';
import { issuesToAppError, ruleOf } from './validation.js';

function rulesFor(schema: z.ZodTypeAny, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ruleOf({ keyword: i.code, instancePath: `/${i.path.join('/')}`, message: i.message, params: i as unknown as Record<string, unknown> }).rule);
}

describe('validation rules', () => {
  it('names missing and empty text "required"', () => {
    expect(rulesFor(z.object({ name: ZText() }), {})).toEqual(['required']);
    expect(rulesFor(z.object({ name: ZText() }), { name: '   ' })).toEqual(['required']);
  });
  it('knows e-mail, date and enum rules', () => {
    expect(rulesFor(ZEmail, 'not-an-email')).toEqual(['invalid_email']);
    expect(rulesFor(ZDate, '2026-02-30')).toEqual(['invalid_date']);
    expect(rulesFor(ZDate, '30-01-2026')).toEqual(['invalid_date']);
    expect(rulesFor(z.enum(['a', 'b']), 'c')).toEqual(['invalid_enum']);
  });
  it('turns issues into one validation error naming each field', () => {
    const e = issuesToAppError(
      [{ keyword: 'invalid_type', instancePath: '/guardian/email', params: { input: undefined } }],
      (k, p) => `${k}:${String(p?.field)}`,
    );
    expect(e.status).toBe(400);
    expect(e.issues).toEqual([{ field: 'guardian.email', rule: 'required', message: 'validation.required:guardian.email' }]);
  });
});
