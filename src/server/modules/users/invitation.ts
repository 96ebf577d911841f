import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { TUser } from '../../../shared/schemas/user.js';

/**
 * New people get a link to set their password (better-auth's reset flow, which mails through
 * SMTP); people who already have an account get a note that they have a new role.
 */
export async function sendInvitation(app: FastifyInstance, user: TUser, regionName: string, log: FastifyBaseLogger) {
  const { database, auth, mailer, publicUrl } = app.ctx;
  try {
    const [acc] = await database.raw<{ has: boolean }>(
      `select exists (select 1 from accounts where user_id = $1) as has`,
      [user.id],
    );
    if (!acc?.has) {
      await auth.api.requestPasswordReset({ body: { email: user.email, redirectTo: `${publicUrl}/wachtwoord-herstellen` } });
    } else {
      await mailer.send({
        to: user.email,
        subject: `Rondom: u heeft een nieuwe rol in ${regionName}`,
        text: [
          `Beste ${user.name},`,
          '',
          `U heeft in Rondom een nieuwe rol gekregen in ${regionName}. Meld u aan via ${publicUrl} en kies de regio rechtsboven.`,
          '',
          '---',
          `You have a new role in ${regionName} in Rondom. Sign in at ${publicUrl}.`,
        ].join('\n'),
      });
    }
  } catch (err) {
    // the invitation stands; the admin can send it again
    log.error({ err, userId: user.id }, 'invitation mail failed');
  }
}
