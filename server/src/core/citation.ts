// Renders the citation a quick fix inserts. The template comes from settings («، بحسب {source}» by default);
// the source name comes from the gazetteer or the corpus and is inserted as plain text.
export function renderCitation(template: string, source: string): string {
  const clean = source.replace(/[\r\n\u202A-\u202E\u2066-\u2069]/g, ' ').trim();
  return template.includes('{source}') ? template.split('{source}').join(clean) : `${template} ${clean}`;
}
