import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../api.js';
import type { Organisation, Paged } from '../types.js';
import { SelectField } from './forms.js';

/** The region's organisations of one kind (the first 100), one cached list for every place that picks one. */
function useOrganisationsOf(kind: 'school' | 'gemeente', enabled = true) {
  return useQuery({
    queryKey: ['organisations', { kind, all: true }],
    queryFn: () => api<Paged<Organisation>>(`/api/v1/organisations${qs({ kind, pageSize: 100 })}`),
    enabled,
    staleTime: 60_000,
  });
}

export const useSchools = (enabled = true) => useOrganisationsOf('school', enabled);

type TFilterProps = { id: string; label: string; allLabel: string; value: string; onChange: (v: string) => void };

/** A select of the region's schools with an "all schools" choice: the school filter of the region's lists. */
export const SchoolFilter = (p: TFilterProps) => <OrganisationFilter kind="school" {...p} />;
/** The same for the gemeenten where children live. */
export const GemeenteFilter = (p: TFilterProps) => <OrganisationFilter kind="gemeente" {...p} />;

function OrganisationFilter(p: TFilterProps & { kind: 'school' | 'gemeente' }) {
  const list = useOrganisationsOf(p.kind);
  return (
    <SelectField
      id={p.id}
      label={p.label}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      placeholder={p.allLabel}
      options={(list.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
