/**
 * Latin and Cyrillic spellings of one name: a transliteration for ids, and a loose key under
 * which "Vuhledar", "Vugledar" and "Вугледар" read alike.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ё: 'yo', є: 'ye', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'yi',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

const hasCyrillic = (s: string) => /[\u0400-\u04FF]/.test(s);

/** Russian text writes и for the sound Ukrainian writes і; Russian г is g, Ukrainian h. */
export function transliterate(text: string): string {
  const russian = /[ыэъё]/i.test(text) || (hasCyrillic(text) && !/[іїєґ]/i.test(text));
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    let latin = CYRILLIC[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (russian && lower === 'г') latin = 'g';
    if (russian && lower === 'и') latin = 'i';
    out += ch !== lower && latin.length > 0 ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
  }
  return out;
}

/** A loose key for comparing spellings across alphabets and transliteration systems. */
export function nameKey(name: string): string {
  return transliterate(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/kh/g, 'h')
    .replace(/h/g, 'g')
    .replace(/[yj]/g, 'i')
    .replace(/ts/g, 'c')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/(.)\1+/g, '$1')
    .replace(/ii/g, 'i')
    .trim();
}

/** A lower-case, hyphenated id slug ("Franz-Stefan Gady" → "franz-stefan-gady"; Cyrillic transliterated). */
export function slugOf(name: string): string {
  return (
    transliterate(name)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[’']/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'unnamed'
  );
}

export { hasCyrillic };
