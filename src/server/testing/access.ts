import type { LightMyRequestResponse } from 'fastify';
import type { TTestApp } from './app.js';
import type { TActorKey, TWorld } from './world.js';

/**
 * One row family of the access matrix: a route, a relation (which record or collection, seen
 * from region A's actors), and who may. The harness sends the request as every actor of the
 * world and expects `ok` for those in `allow`, and for everyone else: 401 when anonymous, 403
 * for a user without membership, `deny` otherwise (404 for records: never confirm they exist).
 */
export interface TAccessCase {
  /** exactly as registered: 'GET /api/v1/pupils/:id' */
  route: string;
  relation: string;
  request: (w: TWorld, t: TTestApp) => Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
  allow: readonly TActorKey[];
  ok?: number;
  deny?: number | ((actor: TActorKey) => number);
  /** status for `lonely` (signed in, no membership) when it differs from 403 */
  lonely?: number;
  /** further checks on an allowed answer, e.g. that a list leaks nothing */
  check?: (res: LightMyRequestResponse, actor: TActorKey, w: TWorld) => void;
}

export const REGION_A_STAFF = [
  'swv_admin',
  'swv_consultant',
  'swv_expert',
  'swv_board',
  'school_director',
  'school_care_coordinator',
  'teacher',
  'care_partner',
  'attendance_officer',
  'municipality_analyst',
  'opr_member',
  'parent_support',
] as const satisfies readonly TActorKey[];

export const EVERY_MEMBER = [...REGION_A_STAFF, 'parent', 'pupil', 'pupil16', 'b_admin', 'b_consultant'] as const satisfies readonly TActorKey[];
