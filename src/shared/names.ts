/** Dutch names: "Sanne" + "van den" + "Berg" → "Sanne van den Berg"; sorting ignores the prefix. */
export function displayName(p: { firstName: string; namePrefix?: string | null; lastName: string }): string {
  return [p.firstName, p.namePrefix, p.lastName].filter((x) => x && x.trim()).join(' ');
}

/**
 * Folds a name for search: lower case, accents off (é → e, ë → e), punctuation to spaces,
 * and the Dutch ij/y variants made one, so "Bijl" finds "Byl" and "Celik" finds "Çelik".
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    // Turkish dotless ı has no decomposition
    .replace(/ı/g, 'i')
    .replace(/ij/g, 'y')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function searchTextOf(p: { firstName: string; namePrefix?: string | null; lastName: string }): string {
  return foldName(displayName(p));
}
