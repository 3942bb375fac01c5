// Worker thread for building an index: reads batches of article texts in parallel with the main thread,
// which only adds the results to the index (vocabulary and postings stay in one place).
import { parentPort, workerData } from 'worker_threads';
import { readText } from '../read/read-text';
import { loadLanguage, LanguageExtension } from '../language';

const lang = loadLanguage((workerData as { language?: LanguageExtension } | undefined)?.language);
parentPort?.on('message', (msg: { id: number; articles: { text: string; date?: string }[] }) => {
  // Only what the index keeps crosses back: not word positions.
  const results = msg.articles.map(a => {
    const reading = readText(a.text, lang, { draft: false, date: a.date });
    return { ...reading, sentences: reading.sentences.map(s => ({ ...s, termStarts: [] })) };
  });
  parentPort!.postMessage({ id: msg.id, results });
});
