// Renders the citation a quick fix inserts, and cleans anything copied from the corpus into a draft. The
// template comes from settings («، بحسب {source}» by default); the source name comes from the gazetteer or the
// corpus and is inserted as plain text.

/** Format characters (Unicode Cf) that are not bidi-neutral marks of Arabic script: the prepended number signs
 * (U+0600–0605, U+06DD, U+0890–0891, U+08E2) are visible and stay. */
const INVISIBLE = /(?![\u0600-\u0605\u06DD\u0890\u0891\u08E2])[\p{Cf}\u2028\u2029]/gu;
const CONTROLS = /\p{Cc}+/gu;

/** Text from the corpus made safe to put in a draft: bidi controls (U+202A–202E, U+2066–2069, LRM, RLM, ALM),
 * zero-width and other invisible format characters removed, control characters (line breaks, tabs, escapes)
 * turned into a space. Copied into a draft, they travel on into the CMS, and an override can make «21» read
 * as «12». */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROLS, ' ');
}

export function renderCitation(template: string, source: string): string {
  const clean = stripInvisible(source).replace(/\s+/g, ' ').trim();
  return template.includes('{source}') ? template.split('{source}').join(clean) : `${template} ${clean}`;
}
