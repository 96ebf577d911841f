import { currentLocale, i18n, readCookie } from './i18n/index.js';

/** One problem with one field, as the server reports it; `message` is already translated. */
export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

/** Every failed call ends in this error: HTTP status, a stable code and a message for the person. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues?: FieldIssue[];
  /** the auth library's own code (e.g. INVALID_TOKEN) when the answer came from it */
  readonly authCode?: string;
  constructor(status: number, code: string, message: string, issues?: FieldIssue[], authCode?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    if (issues) this.issues = issues;
    if (authCode) this.authCode = authCode;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const CSRF_COOKIE = 'rondom_csrf';
const CSRF_HEADER = 'x-csrf-token';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  422: 'validation',
  429: 'rate_limited',
};

/** Event fired on window when an app call says the session is gone or a second factor is needed. */
export const SESSION_EVENT = 'rondom:session';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** The server sets the CSRF cookie on any request; fetch one cheap page if we have none yet. */
async function csrfToken(): Promise<string> {
  let token = readCookie(CSRF_COOKIE);
  if (!token) {
    await fetch('/healthz', { credentials: 'same-origin' }).catch(() => undefined);
    token = readCookie(CSRF_COOKIE);
  }
  return token ?? '';
}

function parseError(status: number, body: unknown): ApiError {
  const fallbackCode = CODE_BY_STATUS[status] ?? 'internal';
  if (body && typeof body === 'object' && 'error' in body) {
    const e = (body as { error: unknown }).error;
    if (e && typeof e === 'object') {
      const { code, message, issues } = e as { code?: unknown; message?: unknown; issues?: unknown };
      const c = typeof code === 'string' ? code : fallbackCode;
      const m =
        typeof message === 'string' && message ? message : i18n.t(`errors.${c}`, { defaultValue: i18n.t('errors.internal') });
      return new ApiError(status, c, m, Array.isArray(issues) ? (issues as FieldIssue[]) : undefined);
    }
  }
  // better-auth answers { code, message } in English; we show our own text for its status instead
  const authCode =
    body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string'
      ? (body as { code: string }).code
      : undefined;
  return new ApiError(status, fallbackCode, i18n.t(`errors.${fallbackCode}`), undefined, authCode);
}

/**
 * The one way the web talks to the server: same-origin cookies, JSON in and out, the CSRF token on
 * every state-changing call and the page language as Accept-Language (the server translates its
 * messages with it).
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  if (method !== 'GET') {
    headers[CSRF_HEADER] = await csrfToken();
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (method !== 'GET' && method !== 'DELETE') {
    headers['content-type'] = 'application/json';
    body = '{}';
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', i18n.t('errorPage.network'));
  }
  const text = await res.text();
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = parseError(res.status, data);
    if (
      path.startsWith('/api/v1/') &&
      !path.startsWith('/api/v1/me') &&
      (err.code === 'unauthenticated' || err.code === 'second_factor_required')
    ) {
      window.dispatchEvent(new CustomEvent(SESSION_EVENT, { detail: err.code }));
    }
    throw err;
  }
  return data as T;
}

/** Builds a query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
