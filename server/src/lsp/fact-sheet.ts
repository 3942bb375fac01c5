// isnad/factSheet: the fact sheet of an open document from its cached analysis (core/report/fact-sheet.ts), with
// LSP ranges, passage locations and every label in the messages' language. Corpus text travels as plain strings;
// the client shows it as plain text, never as markdown or HTML.
import {
  factSheet, stateCounts, sheetHeader, passageOrigin, originLabel, creditNote, shortPlace, message, counted,
  CandidateStore, Locale, FactEntry, FactState, Passage, MessageId,
} from '../core/api';
import type { DocState } from './documents';
import { passageLocation } from './locations';
import type { FactSheet, FactSheetItem, FactSheetPassage } from './protocol';

const STATE_MESSAGE: Record<FactState, MessageId> = {
  agrees: 'stateAgrees', uncited: 'stateUncited', conflicts: 'stateConflicts', disputed: 'stateDisputed', outdated: 'stateOutdated', none: 'stateNone',
};

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
  const label = [message(locale, STATE_MESSAGE[e.state]), e.sources ? counted(locale, 'sources', e.sources) : ''].filter(Boolean).join(' · ');
  return {
    kind: e.kind, text: state.text.slice(e.start, e.end), range: li.range(e.start, e.end), state: e.state, label, sources: e.sources,
    inconsistentWith: e.inconsistentWith.map(m => {
      const range = li.range(m.start, m.end);
      return { range, text: m.wording, label: message(locale, 'contradictsLine', { line: String(range.start.line + 1), wording: m.wording }) };
    }),
    passages: e.passages.map(p => sheetPassage(p, store, locale)),
  };
}

export function factSheetFor(state: DocState, store: CandidateStore, locale: Locale): FactSheet {
  const entries = factSheet(state.result, state.text);
  const stateNames = Object.fromEntries(Object.entries(STATE_MESSAGE).map(([s, id]) => [s, message(locale, id)])) as Record<FactState, string>;
  return {
    uri: state.uri, version: state.version, header: sheetHeader(entries, locale), counts: stateCounts(entries), stateNames,
    items: entries.map(e => sheetItem(e, state, store, locale)),
  };
}
