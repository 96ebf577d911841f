import type { z } from 'zod';
import type { TDataCategory } from '../../../shared/consent.js';
import { displayName } from '../../../shared/names.js';
import type { TPartnerKind } from '../../../shared/roles.js';
import type { TConsent, ZAccessLogEntry, ZBreakGlass, ZCareTeamMember, ZSharing } from '../../../shared/schemas/consent.js';
import { type TAccessLogRow, type TBreakGlassRow, type TCareTeamRow, type TConsentRow, type TPersonRow, iso, isoOrNull, json } from './queries.js';

type TOrgRef = { id: string; name: string; partnerKind: TPartnerKind | null };

/** Staff names are for staff: a parent or pupil sees that "the school" did it, not who. */
function person(v: unknown, forFamily: boolean): TConsent['recordedBy'] | null {
  const p = json<TPersonRow | null>(v);
  if (!p) return null;
  return { kind: p.kind, name: p.kind === 'staff' && forFamily ? null : p.name };
}

export function presentConsent(r: TConsentRow, o: { forFamily: boolean; policies: TConsent['policies'] }): TConsent {
  return {
    id: r.id,
    pupilId: r.pupil_id,
    status: r.status,
    recipients: { organisations: json<TOrgRef[]>(r.organisations), kinds: json<TPartnerKind[]>(r.recipient_kinds) },
    categories: json<TDataCategory[]>(r.categories),
    purpose: r.purpose,
    legalBasis: r.legal_basis,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    givenBy: { kind: r.given_by_kind, name: r.given_by_kind === 'guardian' ? r.given_by_name : null },
    recordedBy: person(r.recorded_by, o.forFamily)!,
    createdAt: iso(r.created_at),
    replacesId: r.replaces_id,
    replacedById: r.replaced_by_id,
    withdrawnAt: isoOrNull(r.withdrawn_at),
    withdrawnBy: person(r.withdrawn_by, o.forFamily),
    policies: o.policies,
  };
}

export function presentCareTeamMember(r: TCareTeamRow, policies: { remove: boolean }): z.infer<typeof ZCareTeamMember> {
  return {
    id: r.id,
    user: { id: r.user_id, name: r.user_name ?? '' },
    organisation: { id: r.organisation_id, name: r.organisation_name, kind: r.organisation_kind, partnerKind: r.partner_kind },
    role: r.role,
    task: r.task,
    since: iso(r.added_at),
    consentCovers: r.consent_covers,
    policies,
  };
}

export function presentBreakGlass(r: TBreakGlassRow, policies: { review: boolean }): z.infer<typeof ZBreakGlass> {
  return {
    id: r.id,
    user: { id: r.user_id, name: r.user_name ?? '' },
    pupil: { id: r.pupil_id, displayName: displayName({ firstName: r.first_name, namePrefix: r.name_prefix, lastName: r.last_name }) },
    reason: r.reason,
    startedAt: iso(r.started_at),
    expiresAt: iso(r.expires_at),
    reviewedAt: isoOrNull(r.reviewed_at),
    reviewedBy: r.reviewed_by ? { id: r.reviewed_by, name: r.reviewer_name ?? '' } : null,
    reviewNote: r.review_note,
    policies,
  };
}

/** Organisation and role only, never a name or the break-the-glass reason: parents read this. */
export function presentAccessLogEntry(r: TAccessLogRow): z.infer<typeof ZAccessLogEntry> {
  return {
    at: iso(r.occurred_at),
    organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '' } : null,
    role: r.role,
    action: r.action,
    breakGlass: r.break_glass,
  };
}

export function presentSharing(
  consents: TConsentRow[],
  organisations: { id: string; name: string; kind: string; partner_kind: TPartnerKind | null; categories: unknown }[],
  parents: z.infer<typeof ZSharing>['parents'],
  policies: z.infer<typeof ZSharing>['policies'],
): z.infer<typeof ZSharing> {
  return {
    consents: consents.map((c) => {
      const { id, recipients, categories, purpose, legalBasis, validFrom, validUntil } = presentConsent(c, {
        forFamily: true,
        policies: { withdraw: false, change: false },
      });
      return { id, recipients, categories, purpose, legalBasis, validFrom, validUntil };
    }),
    careTeam: organisations.map((o) => ({
      organisation: { id: o.id, name: o.name, kind: o.kind, partnerKind: o.partner_kind },
      consentCategories: json<TDataCategory[]>(o.categories),
    })),
    parents,
    policies,
  };
}
