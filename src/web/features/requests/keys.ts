/**
 * Addresses and query keys shared by the request, decision and arrangement pages, so a change in
 * one (a decision, an arrangement granted) refreshes the others.
 */
const enc = encodeURIComponent;

export const requestApi = (id: string, action = '') => `/api/v1/support-requests/${enc(id)}${action}`;
export const requestPage = (id: string) => `/aanvragen/${enc(id)}`;
export const pupilRequestsPage = (pupilId: string) => `/leerlingen/${enc(pupilId)}/aanvragen`;
export const newRequestPage = (pupilId: string) => `/leerlingen/${enc(pupilId)}/aanvragen/nieuw`;
export const arrangementPage = (id: string) => `/arrangementen/${enc(id)}`;
export const pupilArrangementsPage = (pupilId: string) => `/leerlingen/${enc(pupilId)}/arrangementen`;

/** Everything about requests lives under this key: lists, one request, its decision and experts. */
export const REQUESTS_KEY = ['support-requests'] as const;
export const requestKey = (id: string) => [...REQUESTS_KEY, id] as const;
/** A part of one request (e.g. 'experts', 'decision', 'comments'): invalidated with the request. */
export const requestPartKey = (id: string, part: string) => [...REQUESTS_KEY, id, part] as const;
export const ARRANGEMENTS_KEY = ['arrangements'] as const;
