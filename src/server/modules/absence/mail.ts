import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pickLocale, t } from '../../platform/i18n.js';

export interface TOwnerMail {
  email: string;
  name: string;
  locale: string | null;
  caseId: string;
}

/**
 * Tells the new owner of an absence case, after the commit, that the case is theirs. The mail
 * names no child: only a link into Rondom, behind sign-in. A failed mail does not undo the change
 * (the case list shows it as theirs).
 */
export async function sendOwnerMail(app: FastifyInstance, mail: TOwnerMail, log: FastifyBaseLogger) {
  const { mailer, publicUrl } = app.ctx;
  const locale = pickLocale(mail.locale);
  try {
    await mailer.send({
      to: mail.email,
      subject: t(locale, 'absence.mail.subject'),
      text: [
        t(locale, 'absence.mail.greeting', { name: mail.name }),
        '',
        t(locale, 'absence.mail.body'),
        '',
        `${publicUrl}/verzuim/${encodeURIComponent(mail.caseId)}`,
        '',
        t(locale, 'absence.mail.list', { url: `${publicUrl}/verzuim` }),
      ].join('\n'),
    });
  } catch (err) {
    log.error({ err }, 'absence owner mail failed');
  }
}
