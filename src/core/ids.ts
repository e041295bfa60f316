/**
 * Short ids that are easy to read and type: a letter for the kind, then
 * four characters from an alphabet without look-alikes (no 0/o, 1/l/i).
 */
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
export const ID_PATTERN = /^[er][2-9a-hjkmnp-z]{4,8}$/;

/**
 * A fresh id for `prefix` ('e' episode, 'r' routine session) that is in
 * neither `taken` (live and retired ids). `random()` returns [0, 1).
 * Grows the length if the short space gets crowded, so it always ends.
 */
export function newId(prefix: 'e' | 'r', taken: ReadonlySet<string>, random: () => number): string {
  for (let length = 4; ; length++) {
    for (let attempt = 0; attempt < 50; attempt++) {
      let id = prefix;
      for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
      if (!taken.has(id)) return id;
    }
  }
}

/**
 * Resolves a typed id or unique prefix among `ids`: the id, or why not. A
 * prefix needs `minPrefix` characters: "e" alone would pick the only episode,
 * and `log delete e --yes` should not delete whatever that is.
 */
export function resolveId(
  input: string,
  ids: readonly string[],
  minPrefix = 1,
): { id: string } | { error: 'unknown' | 'ambiguous' | 'too-short'; matches: string[] } {
  const text = input.trim().toLowerCase();
  if (ids.includes(text)) return { id: text };
  if (text && text.length < minPrefix) return { error: 'too-short', matches: [] };
  const matches = text ? ids.filter((id) => id.startsWith(text)) : [];
  if (matches.length === 1) return { id: matches[0]! };
  return { error: matches.length ? 'ambiguous' : 'unknown', matches };
}
