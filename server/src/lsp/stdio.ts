// `isnad lsp --stdio`: the same server for Neovim, Emacs, Helix and Zed.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { BUNDLED_SEEDS } from '../bundled-seeds';

export function runStdioServer(): void {
  if (!process.argv.includes('--stdio')) process.argv.push('--stdio');
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout), { defaultCorpus: BUNDLED_SEEDS });
}
