import { absenceSettings, type TAbsenceSettings } from '../../../shared/absence.js';
import type { TAbsenceCase } from '../../../shared/schemas/absence.js';
import type { TMemberActor } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { absencePolicy, type TAbsenceSubject } from '../../policies/absence.js';
import { authorizeAction, authorizeRecord } from '../../policies/index.js';
import { presentCase } from './presenter.js';
import { loadCaseRow, loadEpisodes, loadNotices, subjectOf, type TCaseRow } from './queries.js';

export const settingsOf = (actor: TMemberActor): TAbsenceSettings => absenceSettings(actor.regionSettings?.absence);

/** A case the actor may see (404 otherwise, also for another region's id); for writes locked and `work` required (403). */
export async function loadCase(
  tx: Tx,
  actor: TMemberActor,
  caseId: string,
  o: { work?: boolean } = {},
): Promise<{ row: TCaseRow; subject: TAbsenceSubject }> {
  const row = authorizeRecord(await loadCaseRow(tx, actor, caseId, !!o.work), (r) => absencePolicy.view(actor, subjectOf(actor, r)));
  const subject = subjectOf(actor, row);
  if (o.work) authorizeAction(absencePolicy.work(actor, subject));
  return { row, subject };
}

/**
 * The case as the actor sees it, with what they may do while it is open. After a write it is read
 * again; a plain read passes the row it already loaded.
 */
export async function answerCase(tx: Tx, actor: TMemberActor, caseId: string, today: string, loaded?: TCaseRow): Promise<TAbsenceCase> {
  const row = loaded ?? (await loadCaseRow(tx, actor, caseId))!;
  const subject = subjectOf(actor, row);
  const open = !row.closed_on;
  const work = absencePolicy.work(actor, subject) && open;
  return presentCase({
    row,
    episodes: await loadEpisodes(tx, caseId),
    notices: await loadNotices(tx, caseId),
    settings: settingsOf(actor),
    today,
    policies: { update: work, close: work, addEpisode: absencePolicy.register(actor, subject) && open, endEpisode: work },
  });
}
