import { sql } from 'drizzle-orm';
import type { TDossierContent } from '../../../shared/schemas/dossier.js';
import { query, type Tx } from '../../platform/db.js';

/** Goals with their evaluations, newest evaluation first, as one json array (`p` = pupils). */
const GOALS_JSON = sql`coalesce((select json_agg(json_build_object(
    'id', g.id, 'goal', g.goal, 'criterion', g.criterion, 'targetDate', g.target_date, 'status', g.status,
    'version', g.version,
    'evaluations', coalesce((select json_agg(json_build_object('id', e.id, 'evaluatedOn', e.evaluated_on,
        'result', e.result, 'whatWorked', e.what_worked, 'nextStep', e.next_step, 'createdAt', e.created_at)
        order by e.evaluated_on desc, e.created_at desc)
      from goal_evaluations e where e.region_id = g.region_id and e.goal_id = g.id), '[]'::json))
    order by g.status = 'active' desc, g.target_date, g.created_at)
  from dossier_goals g where g.region_id = p.region_id and g.pupil_id = p.id), '[]'::json)`;

export interface TDossierRow {
  content: TDossierContent;
  version: number;
  updatedAt: string | null;
  updatedBy: { userId: string; name: string; role: string | null; organisationName: string | null } | null;
  pupil: { id: string; displayName: string; schoolName: string };
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: string }[];
}

type TRaw = {
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  school_name: string;
  version: number | null;
  needs: string[] | null;
  promoting_factors: string[] | null;
  hindering_factors: string[] | null;
  pupil_view: string | null;
  parent_view: string | null;
  extra_support_since: string | null;
  updated_at: string | Date | null;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_by_role: string | null;
  updated_by_org: string | null;
  goals: TDossierContent['goals'];
  attachments: TDossierRow['attachments'] | null;
};

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/**
 * The whole dossier in one query: fields, goals with evaluations, the last change and (when the
 * actor may see them) the attachment list. A pupil without a dossier yet gets an empty one (version 0).
 */
export async function loadDossier(tx: Tx, pupilId: string, withAttachments: boolean): Promise<TDossierRow | null> {
  const [r] = await query<TRaw>(
    tx,
    sql`select p.first_name, p.name_prefix, p.last_name, s.name as school_name,
        d.version, d.needs, d.promoting_factors, d.hindering_factors, d.pupil_view, d.parent_view,
        d.extra_support_since::text as extra_support_since, d.updated_at, d.updated_by,
        u.name as updated_by_name, v.changed_by_role as updated_by_role, o.name as updated_by_org,
        ${GOALS_JSON} as goals,
        ${
          withAttachments
            ? sql`(select json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'contentType', a.content_type,
                'sizeBytes', a.size_bytes, 'createdAt', a.created_at) order by a.created_at desc)
               from attachments a where a.region_id = p.region_id and a.pupil_id = p.id and a.removed_at is null and a.category <> 'request')`
            : sql`null`
        } as attachments
      from pupils p
      join organisations s on s.region_id = p.region_id and s.id = p.school_id
      left join dossiers d on d.region_id = p.region_id and d.pupil_id = p.id
      left join dossier_versions v on v.region_id = d.region_id and v.pupil_id = d.pupil_id and v.version = d.version
      left join users u on u.id = d.updated_by
      left join organisations o on o.region_id = v.region_id and o.id = v.changed_by_organisation_id
      where p.id = ${pupilId}`,
  );
  if (!r) return null;
  const goals = json(r.goals).map((g) => ({
    ...g,
    evaluations: g.evaluations.map((e) => ({ ...e, createdAt: new Date(e.createdAt).toISOString() })),
  }));
  return {
    pupil: {
      id: pupilId,
      displayName: [r.first_name, r.name_prefix, r.last_name].filter(Boolean).join(' '),
      schoolName: r.school_name,
    },
    version: r.version ?? 0,
    updatedAt: iso(r.updated_at),
    updatedBy: r.updated_by
      ? { userId: r.updated_by, name: r.updated_by_name ?? '', role: r.updated_by_role, organisationName: r.updated_by_org }
      : null,
    content: {
      needs: json(r.needs ?? []),
      promotingFactors: json(r.promoting_factors ?? []),
      hinderingFactors: json(r.hindering_factors ?? []),
      pupilView: r.pupil_view,
      parentView: r.parent_view,
      extraSupportSince: r.extra_support_since,
      goals,
    },
    attachments: r.attachments ? json(r.attachments).map((a) => ({ ...a, createdAt: new Date(a.createdAt).toISOString() })) : [],
  };
}

export interface TVersionRow {
  version: number;
  changedAt: string;
  changedFields: string[];
  changedBy: { name: string; role: string; organisationName: string | null };
}

const VERSION_COLUMNS = sql`v.version, v.changed_at, v.changed_fields, v.changed_by_role, u.name as changed_by_name, o.name as org_name`;
const VERSION_FROM = sql`from dossier_versions v
  left join users u on u.id = v.changed_by
  left join organisations o on o.region_id = v.region_id and o.id = v.changed_by_organisation_id`;

type TVersionRaw = {
  version: number;
  changed_at: string | Date;
  changed_fields: string[];
  changed_by_role: string;
  changed_by_name: string | null;
  org_name: string | null;
  snapshot?: TDossierContent | string;
};
const toVersion = (r: TVersionRaw): TVersionRow => ({
  version: r.version,
  changedAt: new Date(r.changed_at).toISOString(),
  changedFields: r.changed_fields,
  changedBy: { name: r.changed_by_name ?? '', role: r.changed_by_role, organisationName: r.org_name },
});

export async function listVersions(tx: Tx, pupilId: string, page: number, pageSize: number) {
  const rows = await query<TVersionRaw & { total: string | number }>(
    tx,
    sql`select ${VERSION_COLUMNS}, count(*) over () as total ${VERSION_FROM}
      where v.pupil_id = ${pupilId} order by v.version desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return { items: rows.map(toVersion), total: rows[0] ? Number(rows[0].total) : 0 };
}

export async function loadVersion(tx: Tx, pupilId: string, version: number) {
  const [r] = await query<TVersionRaw>(
    tx,
    sql`select ${VERSION_COLUMNS}, v.snapshot ${VERSION_FROM} where v.pupil_id = ${pupilId} and v.version = ${version}`,
  );
  return r ? { ...toVersion(r), content: json(r.snapshot!) } : null;
}
