import { ERROR_CODES, type TErrorCode, type TFieldIssue } from '../../shared/errors.js';

/**
 * The one error type. `messageKey` is an i18n key (errors.*) rendered in the user's language by
 * the error handler; `issues` name the field and the rule for validation errors.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: TErrorCode,
    readonly messageKey: string = `errors.${code}`,
    readonly issues?: TFieldIssue[],
    readonly params?: Record<string, unknown>,
  ) {
    super(messageKey);
    this.status = ERROR_CODES[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
