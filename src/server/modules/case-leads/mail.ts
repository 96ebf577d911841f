import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pickLocale, t } from '../../platform/i18n.js';

export interface TCaseLeadMail {
  email: string;
  name: string;
  locale: string | null;
  pupilId: string;
}

/**
 * Tells the new regievoerder, after the commit, that a child's case is theirs now. The mail names
 * no child: only a link into Rondom, where the case is behind sign-in. A failed mail does not undo
 * the handover (the page and "Mijn regie" show it).
 */
export async function sendCaseLeadMail(app: FastifyInstance, mail: TCaseLeadMail, log: FastifyBaseLogger) {
  const { mailer, publicUrl } = app.ctx;
  const locale = pickLocale(mail.locale);
  const link = `${publicUrl}/leerlingen/${encodeURIComponent(mail.pupilId)}/regie`;
  try {
    await mailer.send({
      to: mail.email,
      subject: t(locale, 'caseLeads.mail.subject'),
      text: [
        t(locale, 'caseLeads.mail.greeting', { name: mail.name }),
        '',
        t(locale, 'caseLeads.mail.body'),
        '',
        link,
        '',
        t(locale, 'caseLeads.mail.mine', { url: `${publicUrl}/mijn-regie` }),
      ].join('\n'),
    });
  } catch (err) {
    log.error({ err }, 'case lead mail failed');
  }
}
