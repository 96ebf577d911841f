/**
 * Error codes shared by server and web. The server maps each code to one HTTP status
 * (platform/errors.ts); the web translates `errors.<code>` and field rules via i18n.
 */
export const ERROR_CODES = {
  validation: 400,
  unauthenticated: 401,
  csrf: 403,
  second_factor_required: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;
export type TErrorCode = keyof typeof ERROR_CODES;

/** One problem with one field; `rule` is an i18n key under `validation.` */
export interface TFieldIssue {
  field: string;
  rule: string;
  message: string;
  /** Values for this issue's message only (e.g. which document is missing); not sent to the client. */
  params?: Record<string, unknown>;
}

export interface TErrorBody {
  error: { code: TErrorCode; message: string; issues?: TFieldIssue[] };
}
