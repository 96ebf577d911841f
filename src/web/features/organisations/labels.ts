import type { TFunction } from 'i18next';
import type { Organisation } from '../../types.js';

/** "PO · 12AB 00" style details of an organisation, for lists. */
export function organisationType(o: Organisation, t: TFunction): string {
  if (o.kind === 'school' && o.schoolType) return t(`schoolTypes.${o.schoolType}`);
  if (o.kind === 'partner' && o.partnerKind) return t(`partnerKinds.${o.partnerKind}`);
  return '';
}

export function brinOf(o: Organisation): string {
  return o.brin ? `${o.brin}${o.vestiging ? ` ${o.vestiging}` : ''}` : '';
}
