import type { TRequestFields } from '../../../../shared/schemas/support-request.js';
import type { TRequestType } from '../../../../shared/support-request.js';
import { dutchDate } from '../../opps/clocks.js';
import type { TIssue } from '../issues.js';
import type { TRequestRow } from '../relation.js';

/** Rules on the fields beyond their shape: a TLV school type only on a TLV, the parents informed not in the future. */
export function fieldIssues(type: TRequestType, f: TRequestFields): TIssue[] {
  const out: TIssue[] = [];
  if (f.tlvSchoolType && type !== 'tlv') out.push({ field: 'tlvSchoolType', rule: 'tlv_only' });
  if (f.parentsInformedOn && f.parentsInformedOn > dutchDate()) out.push({ field: 'parentsInformedOn', rule: 'date_in_future' });
  return out;
}

/** What a request needs before the SWV receives it; the checklist may still miss items (the school adds them after). */
export function missingForSubmit(r: TRequestRow): TIssue[] {
  const out: TIssue[] = [];
  if (!r.question?.trim()) out.push({ field: 'question', rule: 'required_for_submit' });
  if (!r.tried?.trim()) out.push({ field: 'tried', rule: 'required_for_submit' });
  if (r.type === 'tlv' && !r.tlvSchoolType) out.push({ field: 'tlvSchoolType', rule: 'required_for_submit' });
  return out;
}

/** Text a form sends as '' means "empty": stored as null so "filled in?" has one answer. */
export function normalised(f: TRequestFields): TRequestFields {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v === '' ? null : v]),
  ) as TRequestFields;
}
