import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../shared/schemas/common.js';
import { type TShareSummaryResult, ZShareSummaryResult } from '../../../shared/schemas/meeting.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { authorizeAction } from '../../policies/index.js';
import { meetingPolicy } from '../../policies/meeting.js';
import { ensureStatus, markSummaryShared } from './commands/lifecycle.js';
import { deliver, plannedMails, type TRecipient } from './invitations.js';
import { seesAll } from './presenter.js';
import { loadMeeting, loadMeetingDetail, participantEmail } from './queries.js';
import { audited } from './respond.js';
import { renderSummaryPdf } from './summary-pdf.js';

/** The one-page summary: as a PDF for whoever sees the whole meeting, and its link mailed round. */
export async function summaryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const { mailer, publicUrl } = app.ctx;
  const tags = ['meetings'];

  r.get('/api/v1/meetings/:id/summary.pdf', { schema: { tags, params: ZIdParams } }, async (req, reply) => {
    const actor = requireMember(req);
    const pdf = await inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id);
      authorizeAction(meetingPolicy.summary(actor, l.rel, l.facts));
      ensureStatus(l.m, 'held', 'closed');
      const rendered = await renderSummaryPdf(l.m, await loadMeetingDetail(tx, l.m));
      await audit(audited('meeting.export', l.m, { format: 'pdf', final: l.m.status === 'closed' }));
      return rendered;
    });
    // the file name names no child
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="samenvatting-overleg.pdf"')
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  r.post('/api/v1/meetings/:id/share-summary', { schema: { tags, params: ZIdParams, response: { 200: ZShareSummaryResult } } }, async (req) => {
    const actor = requireMember(req);
    const { mails, withheld, meetingId } = await inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
      ensureStatus(l.m, 'closed');
      const d = await loadMeetingDetail(tx, l.m);
      const to: TRecipient[] = [];
      const withheld: TShareSummaryResult['withheld'] = [];
      for (const p of d.participants) {
        const email = participantEmail(p);
        // a guest has no account: the link would open nothing for them
        if (p.user_id === null) withheld.push({ name: p.name, reason: 'no_account' });
        else if (!seesAll(p, l.m.consent)) withheld.push({ name: p.name, reason: 'no_consent' });
        else if (!email) withheld.push({ name: p.name, reason: 'no_email' });
        else to.push({ participantId: p.id, name: p.name, email });
      }
      const mails = plannedMails(l.m, 'summary', to, { organiserName: d.organiserName, publicUrl });
      await markSummaryShared(tx, l.m);
      await audit(audited('meeting.share_summary', l.m, { sent: mails.length, withheld: withheld.map((w) => w.reason) }));
      return { mails, withheld, meetingId: l.m.id };
    });
    // after commit, like every meeting mail
    const failed = await deliver(mailer, mails, req.log, meetingId);
    return { sent: mails.length - failed.length, withheld };
  });
}
