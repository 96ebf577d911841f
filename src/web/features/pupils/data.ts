import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.js';
import type { Pupil } from '../../types.js';

/** The pupil register entry, with the actor's abilities on the child's file. One cache entry per pupil. */
export function usePupil(id: string) {
  return useQuery({
    queryKey: ['pupils', 'detail', id],
    queryFn: () => api<Pupil>(`/api/v1/pupils/${encodeURIComponent(id)}`),
  });
}
