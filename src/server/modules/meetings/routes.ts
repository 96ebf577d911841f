import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../shared/schemas/common.js';
import {
  ZCancelInput,
  ZMeeting,
  ZMeetingConsentInput,
  ZMeetingInput,
  ZMeetingItemParams,
  ZMeetingPatch,
  ZParticipantCandidates,
  ZParticipantInput,
  ZPupilMeetings,
} from '../../../shared/schemas/meeting.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { meetingPolicy } from '../../policies/meeting.js';
import { loadChildRelation } from '../pupils/relation.js';
import { meetingCandidates } from './candidates.js';
import { addParticipant, removeParticipant } from './commands/content.js';
import { cancelMeeting, recordConsent, rescheduleMeeting } from './commands/lifecycle.js';
import { scheduleMeeting } from './commands/schedule-meeting.js';
import { contentRoutes } from './content-routes.js';
import { markInvited, plannedMails, recipientsOf } from './invitations.js';
import { presentListItem } from './presenter.js';
import { hasCaseLead, listPupilMeetings, loadMeeting, loadMeetingDetail, reloadMeeting } from './queries.js';
import { answer, audited, writeThenMail } from './respond.js';
import { summaryRoutes } from './summary-routes.js';

/**
 * MDO / ondersteuningsteam meetings (PRODUCT.md module 7): scheduling with invitations, the
 * parents' consent, who comes. Content (agenda, notes, decisions, actions, closing) is in
 * content-routes.ts, the summary in summary-routes.ts.
 */
export async function meetingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const { publicUrl } = app.ctx;
  const tags = ['meetings'];
  await contentRoutes(app);
  await summaryRoutes(app);

  r.get('/api/v1/pupils/:id/meetings', { schema: { tags, params: ZIdParams, response: { 200: ZPupilMeetings } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const rel = authorizeRecord(await loadChildRelation(tx, actor, req.params.id), (c) => meetingPolicy.listForPupil(actor, c));
      const rows = await listPupilMeetings(tx, actor, rel.pupilId);
      // the list never shows a meeting its page would refuse
      const items = rows
        .filter((m) => meetingPolicy.view(actor, rel, { organiserId: m.organiser_id, status: m.status, consent: m.consent, participantKind: m.my_kind }) !== 'none')
        .map(presentListItem);
      const needsCaseLead = !(await hasCaseLead(tx, rel.pupilId));
      await audit({ action: 'meeting.list', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId });
      return { items, policies: { schedule: meetingPolicy.schedule(actor, rel) }, needsCaseLead };
    });
  });

  r.get(
    '/api/v1/pupils/:id/meeting-candidates',
    { schema: { tags, params: ZIdParams, response: { 200: ZParticipantCandidates } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const rel = authorizeRecord(await loadChildRelation(tx, actor, req.params.id), (c) => meetingPolicy.listForPupil(actor, c));
        authorizeAction(meetingPolicy.schedule(actor, rel));
        const items = await meetingCandidates(tx, rel.pupilId);
        await audit({ action: 'meeting.candidates', subjectType: 'pupil', subjectId: rel.pupilId, pupilId: rel.pupilId });
        return { items };
      });
    },
  );

  r.post(
    '/api/v1/pupils/:id/meetings',
    { schema: { tags, params: ZIdParams, body: ZMeetingInput, response: { 201: ZMeeting } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await writeThenMail(app, req, actor, async ({ tx, audit }) => {
        const rel = authorizeRecord(await loadChildRelation(tx, actor, req.params.id), (c) => meetingPolicy.listForPupil(actor, c));
        authorizeAction(meetingPolicy.schedule(actor, rel));
        const { meetingId, caseLead } = await scheduleMeeting(tx, actor, rel, req.body, { hasCaseLead: await hasCaseLead(tx, rel.pupilId) });
        const m = await reloadMeeting(tx, meetingId);
        const d = await loadMeetingDetail(tx, m);
        const mails = plannedMails(m, 'invite', recipientsOf(d.participants), { organiserName: d.organiserName, publicUrl });
        await markInvited(tx, mails);
        const answered = await answer(tx, actor, meetingId);
        if (caseLead?.changed) {
          await audit({ action: 'case_lead.set', subjectType: 'case_lead', subjectId: caseLead.id, pupilId: rel.pupilId, details: { via: 'meeting', meetingId } });
        }
        await audit(audited('meeting.create', m, { kind: m.kind, participants: d.participants.length, invited: mails.length }));
        return { out: answered, mails, meetingId };
      });
      return reply.status(201).send(out);
    },
  );

  r.get('/api/v1/meetings/:id', { schema: { tags, params: ZIdParams, response: { 200: ZMeeting } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id);
      const out = await answer(tx, actor, l.m.id);
      await audit(audited('meeting.read', l.m, { view: l.view }));
      return out;
    });
  });

  r.patch('/api/v1/meetings/:id', { schema: { tags, params: ZIdParams, body: ZMeetingPatch, response: { 200: ZMeeting } } }, async (req) => {
    const actor = requireMember(req);
    return writeThenMail(app, req, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
      await rescheduleMeeting(tx, l.m, req.body);
      const m = await reloadMeeting(tx, l.m.id);
      const d = await loadMeetingDetail(tx, m);
      const mails = plannedMails(m, 'update', recipientsOf(d.participants), { organiserName: d.organiserName, publicUrl });
      await markInvited(tx, mails);
      const out = await answer(tx, actor, m.id);
      await audit(audited('meeting.reschedule', m, { sequence: m.icsSequence }));
      return { out, mails, meetingId: m.id };
    });
  });

  r.post(
    '/api/v1/meetings/:id/participants',
    { schema: { tags, params: ZIdParams, body: ZParticipantInput, response: { 201: ZMeeting } } },
    async (req, reply) => {
      const actor = requireMember(req);
      const out = await writeThenMail(app, req, actor, async ({ tx, audit }) => {
        const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
        authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
        const before = await loadMeetingDetail(tx, l.m);
        const participantId = await addParticipant(tx, l.m, req.body, before.participants, actor.userId);
        const d = await loadMeetingDetail(tx, l.m);
        // once the meeting is under way nobody needs a calendar item any more
        const mails =
          l.m.status === 'scheduled'
            ? plannedMails(l.m, 'invite', recipientsOf(d.participants, (p) => p.id === participantId), { organiserName: d.organiserName, publicUrl })
            : [];
        await markInvited(tx, mails);
        const answered = await answer(tx, actor, l.m.id);
        await audit(audited('meeting.participant_add', l.m, { participantId, kind: d.participants.find((p) => p.id === participantId)?.kind }));
        return { out: answered, mails, meetingId: l.m.id };
      });
      return reply.status(201).send(out);
    },
  );

  r.delete(
    '/api/v1/meetings/:id/participants/:itemId',
    { schema: { tags, params: ZMeetingItemParams, response: { 200: ZMeeting } } },
    async (req) => {
      const actor = requireMember(req);
      return writeThenMail(app, req, actor, async ({ tx, audit }) => {
        const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
        authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
        const d = await loadMeetingDetail(tx, l.m);
        const gone = d.participants.find((p) => p.id === req.params.itemId);
        if (!gone) throw new AppError('not_found');
        await removeParticipant(tx, l.m, gone);
        const m = await reloadMeeting(tx, l.m.id);
        const mails = plannedMails(m, 'removed', recipientsOf([gone]), { organiserName: d.organiserName, publicUrl });
        const out = await answer(tx, actor, m.id);
        await audit(audited('meeting.participant_remove', m, { participantId: gone.id, kind: gone.kind }));
        return { out, mails, meetingId: m.id };
      });
    },
  );

  r.post(
    '/api/v1/meetings/:id/consent',
    { schema: { tags, params: ZIdParams, body: ZMeetingConsentInput, response: { 200: ZMeeting } } },
    async (req) => {
      const actor = requireMember(req);
      return inTenant(db, actor, async ({ tx, audit }) => {
        const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
        authorizeAction(meetingPolicy.consentGiver(actor, l.rel, l.facts));
        await recordConsent(tx, l.m, req.body, actor.userId);
        const out = await answer(tx, actor, l.m.id);
        await audit(audited('meeting.consent', l.m, { consent: req.body.consent }));
        return out;
      });
    },
  );

  r.post('/api/v1/meetings/:id/cancel', { schema: { tags, params: ZIdParams, body: ZCancelInput, response: { 200: ZMeeting } } }, async (req) => {
    const actor = requireMember(req);
    return writeThenMail(app, req, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
      await cancelMeeting(tx, l.m, req.body);
      const m = await reloadMeeting(tx, l.m.id);
      const d = await loadMeetingDetail(tx, m);
      const mails = plannedMails(m, 'cancel', recipientsOf(d.participants), { organiserName: d.organiserName, publicUrl });
      const out = await answer(tx, actor, m.id);
      await audit(audited('meeting.cancel', m, { from: l.m.status }));
      return { out, mails, meetingId: m.id };
    });
  });
}
