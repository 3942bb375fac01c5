// Worker thread for building an index: reads batches of article texts in parallel with the main thread,
// which only adds the results to the index (vocabulary and postings stay in one place).
import { parentPort, workerData } from 'worker_threads';
import { analyzeText } from './extract';
import { loadLanguage, LanguageExtension } from './language';

const lang = loadLanguage((workerData as { language?: LanguageExtension } | undefined)?.language);
parentPort?.on('message', (msg: { id: number; texts: string[] }) => {
  // Only what the index keeps crosses back: not the text (the main thread has it), not word positions.
  const results = msg.texts.map(t => {
    const an = analyzeText(t, lang, { draft: false });
    return { ...an, text: '', sentences: an.sentences.map(s => ({ ...s, termStarts: [] })) };
  });
  parentPort!.postMessage({ id: msg.id, results });
});
