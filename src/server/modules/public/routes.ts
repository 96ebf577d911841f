import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TRegionSettings } from '../../db/schema/region.js';

/** What the sign-in page may know before anyone signs in: region names and how to sign in there. */
export async function publicRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/sign-in-options',
    {
      schema: {
        tags: ['public'],
        response: {
          200: z.object({
            regions: z.array(
              z.object({
                slug: z.string(),
                name: z.string(),
                requireSecondFactorForStaff: z.boolean(),
                sso: z.object({ providerId: z.string(), label: z.string() }).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const rows = await app.ctx.database.raw<{ slug: string; name: string; settings: TRegionSettings }>(
        'select slug, name, settings from regions order by name',
      );
      return {
        regions: rows.map((x) => ({
          slug: x.slug,
          name: x.name,
          requireSecondFactorForStaff: x.settings.requireSecondFactorForStaff,
          sso: x.settings.oidc ? { providerId: x.settings.oidc.providerId, label: x.settings.oidc.label } : null,
        })),
      };
    },
  );
}
