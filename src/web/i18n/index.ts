import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json' with { type: 'json' };

export type TLocale = 'nl' | 'en';
export const LOCALES: readonly TLocale[] = ['nl', 'en'];
export const LANG_COOKIE = 'rondom_lang';

/** Reads a cookie the page may read (language choice, CSRF token). */
export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function isLocale(x: unknown): x is TLocale {
  return x === 'nl' || x === 'en';
}

/** The language to start in: the cookie from an earlier choice, else Dutch. */
export function initialLocale(): TLocale {
  const fromCookie = readCookie(LANG_COOKIE);
  return isLocale(fromCookie) ? fromCookie : 'nl';
}

/** English is loaded only when someone asks for it; Dutch is in the first bundle. */
async function ensureResources(locale: TLocale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  if (locale === 'en') {
    const en = await import('./en.json', { with: { type: 'json' } });
    i18n.addResourceBundle('en', 'translation', en.default, true, true);
  }
}

export async function setupI18n(): Promise<typeof i18n> {
  const lng = initialLocale();
  await i18n.use(initReactI18next).init({
    resources: { nl: { translation: nl } },
    lng: 'nl',
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en'],
    interpolation: { escapeValue: false },
  });
  if (lng !== 'nl') await applyLocale(lng);
  document.documentElement.lang = lng;
  return i18n;
}

/** Switches the language of the page: texts, `<html lang>`, and the cookie (no personal data). */
export async function applyLocale(locale: TLocale): Promise<void> {
  await ensureResources(locale);
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
  const secure = location.protocol === 'https:' ? '; secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser we support; this cookie only holds 'nl' or 'en'
  document.cookie = `${LANG_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax${secure}`;
}

export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : 'nl';
}

export { i18n };
