import fc from 'fast-check';
import { expect } from 'vitest';
import type { TestClient } from './app.js';

/** Bodies a careless or hostile client might send: not JSON, wrong types, missing fields, junk. */
export function junkBodies(keys: string[]) {
  return fc.oneof(
    fc.constant('not json at all {'),
    fc.constant([]),
    fc.constant(null),
    fc.dictionary(
      fc.constantFrom(...keys),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 })),
      { maxKeys: 6 },
    ),
  );
}

/**
 * Throws junk at one write endpoint: every answer that is not a success must be a 4xx with a
 * translated message, and `snapshot` (everything the write could touch) must be unchanged.
 */
export async function expectCleanRefusals(o: {
  client: TestClient;
  method: string;
  url: string;
  keys: string[];
  snapshot: () => Promise<unknown>;
  numRuns?: number;
}) {
  await fc.assert(
    fc.asyncProperty(junkBodies(o.keys), async (body) => {
      const before = await o.snapshot();
      const payload = typeof body === 'string' ? body : JSON.stringify(body);
      const res = await o.client.request(o.method, o.url, payload, { 'content-type': 'application/json' });
      // a body that happens to be valid is fine; everything else must be a clean refusal
      if (res.statusCode < 300) return;
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const err = res.json().error;
      expect(err.code).toBeTruthy();
      expect(err.message).not.toMatch(/^errors\./);
      expect(await o.snapshot()).toEqual(before);
    }),
    { numRuns: o.numRuns ?? 40 },
  );
}
