import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../shared/schemas/common.js';
import {
  ZActionInput,
  ZActionItem,
  ZActionPatch,
  ZCloseInput,
  ZHeldInput,
  ZLineInput,
  ZMeeting,
  ZMeetingItemParams,
  ZNotesInput,
} from '../../../shared/schemas/meeting.js';
import { inTenant, requireMember } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorizeAction } from '../../policies/index.js';
import { meetingPolicy } from '../../policies/meeting.js';
import {
  addAction,
  addAgendaPoint,
  addDecision,
  deleteAgendaPoint,
  deleteDecision,
  loadAgendaPoint,
  updateAction,
} from './commands/content.js';
import { closeMeeting, ensureStatus, markHeld, writeNotes } from './commands/lifecycle.js';
import { presentAction } from './presenter.js';
import { loadAction, loadMeeting, loadMeetingDetail } from './queries.js';
import { answer, audited } from './respond.js';

/** The agenda prepared together, the meeting held, its notes, decisions and actions, and closing it. */
export async function contentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['meetings'];

  r.post('/api/v1/meetings/:id/agenda', { schema: { tags, params: ZIdParams, body: ZLineInput, response: { 201: ZMeeting } } }, async (req, reply) => {
    const actor = requireMember(req);
    const out = await inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      // parents add their points beforehand; externals before consent see no agenda, so add none
      authorizeAction(l.view === 'full');
      const itemId = await addAgendaPoint(tx, l.m, req.body.text, actor);
      const answered = await answer(tx, actor, l.m.id);
      await audit(audited('meeting.agenda_add', l.m, { itemId }));
      return answered;
    });
    return reply.status(201).send(out);
  });

  r.delete('/api/v1/meetings/:id/agenda/:itemId', { schema: { tags, params: ZMeetingItemParams, response: { 200: ZMeeting } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      const item = await loadAgendaPoint(tx, l.m, req.params.itemId);
      authorizeAction(meetingPolicy.deleteAgendaPoint(actor, l.rel, l.facts, item.addedBy));
      // the author takes their point back before the meeting; who runs it, until it is closed
      if (meetingPolicy.run(actor, l.rel, l.facts)) ensureStatus(l.m, 'scheduled', 'held');
      else ensureStatus(l.m, 'scheduled');
      await deleteAgendaPoint(tx, l.m, item.id);
      const out = await answer(tx, actor, l.m.id);
      await audit(audited('meeting.agenda_delete', l.m, { itemId: item.id }));
      return out;
    });
  });

  r.post('/api/v1/meetings/:id/held', { schema: { tags, params: ZIdParams, body: ZHeldInput, response: { 200: ZMeeting } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
      await markHeld(tx, l.m, req.body);
      const out = await answer(tx, actor, l.m.id);
      await audit(audited('meeting.held', l.m, { attended: req.body.attendedParticipantIds.length }));
      return out;
    });
  });

  r.put('/api/v1/meetings/:id/notes', { schema: { tags, params: ZIdParams, body: ZNotesInput, response: { 200: ZMeeting } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
      await writeNotes(tx, l.m, req.body);
      const out = await answer(tx, actor, l.m.id);
      await audit(audited('meeting.notes', l.m, { length: req.body.notes.length }));
      return out;
    });
  });

  r.post('/api/v1/meetings/:id/decisions', { schema: { tags, params: ZIdParams, body: ZLineInput, response: { 201: ZMeeting } } }, async (req, reply) => {
    const actor = requireMember(req);
    const out = await inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
      const itemId = await addDecision(tx, l.m, req.body.text, actor.userId);
      const answered = await answer(tx, actor, l.m.id);
      await audit(audited('meeting.decision_add', l.m, { itemId }));
      return answered;
    });
    return reply.status(201).send(out);
  });

  r.delete('/api/v1/meetings/:id/decisions/:itemId', { schema: { tags, params: ZMeetingItemParams, response: { 200: ZMeeting } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
      await deleteDecision(tx, l.m, req.params.itemId);
      const out = await answer(tx, actor, l.m.id);
      await audit(audited('meeting.decision_delete', l.m, { itemId: req.params.itemId }));
      return out;
    });
  });

  r.post('/api/v1/meetings/:id/actions', { schema: { tags, params: ZIdParams, body: ZActionInput, response: { 201: ZMeeting } } }, async (req, reply) => {
    const actor = requireMember(req);
    const out = await inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
      const d = await loadMeetingDetail(tx, l.m);
      const actionId = await addAction(tx, l.m, req.body, d.participants, actor.userId);
      const answered = await answer(tx, actor, l.m.id);
      await audit(audited('meeting.action_add', l.m, { actionId, ownerId: req.body.ownerId }));
      return answered;
    });
    return reply.status(201).send(out);
  });

  r.patch('/api/v1/action-items/:id', { schema: { tags, params: ZIdParams, body: ZActionPatch, response: { 200: ZActionItem } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const action = await loadAction(tx, req.params.id, { lock: true });
      if (!action) throw new AppError('not_found');
      // owners finish their actions after the meeting is closed, also before the parents' consent
      const l = await loadMeeting(tx, actor, action.meeting_id);
      authorizeAction(meetingPolicy.updateAction(actor, l.rel, l.facts, action.owner_id));
      await updateAction(tx, action.id, req.body, actor.userId);
      const out = presentAction((await loadAction(tx, action.id))!, actor, l.rel, l.facts);
      await audit({
        action: 'meeting.action_update',
        subjectType: 'action_item',
        subjectId: action.id,
        pupilId: l.m.pupilId,
        details: { meetingId: l.m.id, status: req.body.status },
      });
      return out;
    });
  });

  r.post('/api/v1/meetings/:id/close', { schema: { tags, params: ZIdParams, body: ZCloseInput, response: { 200: ZMeeting } } }, async (req) => {
    const actor = requireMember(req);
    return inTenant(db, actor, async ({ tx, audit }) => {
      const l = await loadMeeting(tx, actor, req.params.id, { lock: true });
      authorizeAction(meetingPolicy.run(actor, l.rel, l.facts));
      await closeMeeting(tx, l.m, req.body, actor.userId);
      const out = await answer(tx, actor, l.m.id);
      await audit(audited('meeting.close', l.m, { nextMeetingOn: req.body.nextMeetingOn }));
      return out;
    });
  });
}
