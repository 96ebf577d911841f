import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../api.js';
import type { Organisation, Paged } from '../types.js';
import { SelectField } from './forms.js';

/** The region's schools (the first 100), one cached list for every place that picks a school. */
export function useSchools(enabled = true) {
  return useQuery({
    queryKey: ['organisations', { kind: 'school', all: true }],
    queryFn: () => api<Paged<Organisation>>(`/api/v1/organisations${qs({ kind: 'school', pageSize: 100 })}`),
    enabled,
    staleTime: 60_000,
  });
}

/** A select of the region's schools with an "all schools" choice: the school filter of the region's lists. */
export function SchoolFilter(p: { id: string; label: string; allLabel: string; value: string; onChange: (v: string) => void }) {
  const schools = useSchools();
  return (
    <SelectField
      id={p.id}
      label={p.label}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      placeholder={p.allLabel}
      options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
