/** Fictional Dutch-sounding names for demo and synthetic data. Any likeness is chance. */
export const FIRST_NAMES = [
  'Sanne', 'Daan', 'Emma', 'Lucas', 'Julia', 'Sem', 'Tess', 'Finn', 'Noor', 'Levi', 'Mila', 'Milan', 'Sara', 'Noah',
  'Zoë', 'Bram', 'Lotte', 'Jesse', 'Fleur', 'Thijs', 'Anouk', 'Ruben', 'Isa', 'Luuk', 'Eva', 'Sven', 'Roos', 'Mees',
  'Liv', 'Jayden', 'Yara', 'Mohammed', 'Fatima', 'Ayoub', 'Amira', 'Mehmet', 'Elif', 'Kerem', 'Chloë', 'Thomas',
  'Iris', 'Stijn', 'Femke', 'Gijs', 'Maud', 'Hugo', 'Nina', 'Tim', 'Lieke', 'Joep',
];
export const NAME_PREFIXES = [null, null, null, null, null, 'van', 'de', 'van der', 'van den', 'van de', 'ter', 'den'];
export const LAST_NAMES = [
  'Jansen', 'Janssen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Dekker',
  'Brouwer', 'Dijkstra', 'Berg', 'Wijk', 'Linden', 'Kok', 'Jacobs', 'Haan', 'Vermeulen', 'Heuvel', 'Veen', 'Broek',
  'Bruijn', 'Schouten', 'Willems', 'Hoekstra', 'Koster', 'Prins', 'Yılmaz', 'Çelik', 'El Amrani', 'Bouzid', 'Nguyen',
  'Huisman', 'Kuipers', 'Postma', 'Zwart', 'Maas', 'Verbeek', 'Bijl', 'Scholten', 'Groot', 'Wolters',
];
export const PLACES = ['Waardenburg', 'Lingedijk', 'Beekveld', 'Hoogmeer', 'Zandhoven', 'Eikelaar', 'Rietvoorde', 'Molenwaard'];
export const SCHOOL_WORDS = ['De Regenboog', 'Het Kompas', 'De Vlinder', 'De Wilgen', 'Het Palet', 'De Zonnewijzer', 'De Klimop',
  'Het Anker', 'De Fontein', 'De Linde', 'Het Baken', 'De Sterrenkijker', 'Het Mozaïek', 'De Horizon', 'De Notenbalk',
  'Het Speelwerk', 'De Meander', 'De Boomgaard', 'Het Startpunt', 'De Brug'];

/** Small deterministic PRNG (mulberry32) so the same seed makes the same region. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
  };
}
