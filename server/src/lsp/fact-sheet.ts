// isnad/factSheet: the fact sheet of an open document from its cached analysis (core/report/fact-sheet.ts), with
// LSP ranges, passage locations and every label in the messages' language. Corpus text travels as plain strings;
// the client shows it as plain text, never as markdown or HTML.
import {
  factSheet, stateCounts, sheetHeader, stateName, factLabel, passageOrigin, originLabel, creditNote, shortPlace, message, FACT_STATES,
  CandidateStore, Locale, FactEntry, FactState, Passage,
} from '../core/api';
import type { DocState } from './documents';
import { passageLocation } from './locations';
import type { FactSheet, FactSheetItem, FactSheetPassage } from './protocol';

function sheetPassage(p: Passage, store: CandidateStore, locale: Locale): FactSheetPassage {
  const o = passageOrigin(p, locale);
  const location = passageLocation(store, p);
  return {
    stance: p.stance, similar: !!p.similar, origin: originLabel(o), credit: creditNote(o, locale),
    sentence: p.excerpt.text.replace(/\s+/g, ' ').trim(), mark: p.excerpt.mark,
    place: shortPlace(p, location && location.range.start.line + 1), location,
  };
}

function sheetItem(e: FactEntry, state: DocState, store: CandidateStore, locale: Locale): FactSheetItem {
  const li = state.lines;
  return {
    kind: e.kind, text: state.text.slice(e.start, e.end), range: li.range(e.start, e.end), state: e.state, label: factLabel(e, locale), sources: e.sources,
    inconsistentWith: e.inconsistentWith.map(m => {
      const range = li.range(m.start, m.end);
      return { range, text: m.wording, label: message(locale, 'contradictsLine', { line: String(range.start.line + 1), wording: m.wording }) };
    }),
    passages: e.passages.map(p => sheetPassage(p, store, locale)),
  };
}

export function factSheetFor(state: DocState, store: CandidateStore, locale: Locale): FactSheet {
  const entries = factSheet(state.result, state.text);
  const stateNames = Object.fromEntries(FACT_STATES.map(s => [s, stateName(s, locale)])) as Record<FactState, string>;
  return {
    uri: state.uri, version: state.version, header: sheetHeader(entries, locale), counts: stateCounts(entries), stateNames,
    items: entries.map(e => sheetItem(e, state, store, locale)),
  };
}
