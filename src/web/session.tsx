import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { ApiError, api } from './api.js';
import type { Me } from './types.js';

export const ME_KEY = ['me'] as const;

/** The signed-in person, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('/api/v1/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

const SessionContext = createContext<Me | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The session inside the signed-in part of the app (the gate guarantees it is there). */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside the signed-in area');
  return me;
}

/** The session when there may be none (public pages share the shell). */
export function useOptionalSession(): Me | null {
  return useContext(SessionContext);
}
