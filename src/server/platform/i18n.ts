import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server speaks from the same message files as the web (src/web/i18n), so there is one text per key. */
export type TLocale = 'nl' | 'en';
export const LOCALES: TLocale[] = ['nl', 'en'];

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../web/i18n');
type Tree = { [k: string]: string | Tree };
const cache = new Map<TLocale, Tree>();

function messages(locale: TLocale): Tree {
  let tree = cache.get(locale);
  if (!tree) {
    try {
      tree = JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Tree;
    } catch {
      tree = {};
    }
    cache.set(locale, tree);
  }
  return tree;
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Whether a message exists for `key` (in Dutch, the language every key has). */
export function hasMessage(key: string): boolean {
  return lookup(messages('nl'), key) !== undefined;
}

/** Translate `key` with {{param}} interpolation; falls back to Dutch, then to the key itself. */
export function t(locale: TLocale, key: string, params: Record<string, unknown> = {}): string {
  const text = lookup(messages(locale), key) ?? lookup(messages('nl'), key) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Picks nl or en from an Accept-Language header or an explicit preference. */
export function pickLocale(preferred: string | undefined | null, acceptLanguage?: string): TLocale {
  if (preferred === 'en' || preferred === 'nl') return preferred;
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'en' ? 'en' : 'nl';
}
