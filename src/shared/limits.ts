export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
export const SEARCH_MIN_LENGTH = 2;
/** An attachment in a child's file (a report, a signed plan). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
