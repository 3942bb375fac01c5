// The bundled default corpus: seeds/ beside dist/, where the CLI and the language server bundles run from.
import * as path from 'path';

export const BUNDLED_SEEDS = path.resolve(__dirname, '..', 'seeds');
