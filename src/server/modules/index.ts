import type { FastifyInstance } from 'fastify';
import { arrangementRoutes } from './arrangements/routes.js';
import { caseLeadRoutes } from './case-leads/routes.js';
import { consentRoutes } from './consents/routes.js';
import { decisionRoutes } from './decisions/routes.js';
import { attachmentRoutes } from './dossiers/attachment-routes.js';
import { dossierRoutes } from './dossiers/routes.js';
import { groupRoutes } from './groups/routes.js';
import { meetingRoutes } from './meetings/routes.js';
import { meRoutes } from './me/routes.js';
import { oppRoutes } from './opps/routes.js';
import { organisationRoutes } from './organisations/routes.js';
import { publicRoutes } from './public/routes.js';
import { pupilImportRoutes } from './pupil-imports/routes.js';
import { pupilRoutes } from './pupils/routes.js';
import { supportRequestRoutes } from './support-requests/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { userRoutes } from './users/routes.js';

export async function registerModules(app: FastifyInstance) {
  await publicRoutes(app);
  await meRoutes(app);
  await organisationRoutes(app);
  await userRoutes(app);
  await groupRoutes(app);
  await pupilRoutes(app);
  await pupilImportRoutes(app);
  await oppRoutes(app);
  await consentRoutes(app);
  await dossierRoutes(app);
  await attachmentRoutes(app);
  await supportRequestRoutes(app);
  await decisionRoutes(app);
  await arrangementRoutes(app);
  await meetingRoutes(app);
  await caseLeadRoutes(app);
  await taskRoutes(app);
}
