// `isnad lsp --stdio`: the same server for Neovim, Emacs, Helix and Zed. A client that sends a malformed
// message (a bad frame, or a body that is not JSON) would leave the connection unable to read another
// message: the server says why on stderr and exits with status 1, and the client restarts it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter, Message } from 'vscode-languageserver/node';
import { startServer } from './server';
import { FrameGuard } from './frame-guard';
import { BUNDLED_SEEDS } from '../bundled-seeds';

function fatal(reason: string): never {
  // stderr is synchronous for pipes and files: the line is written before the process ends.
  process.stderr.write(`[isnad] ${reason}; exiting so that the client restarts the server\n`);
  process.exit(1);
}

export function runStdioServer(): void {
  if (!process.argv.includes('--stdio')) process.argv.push('--stdio');
  let shutdown = false;
  const reader = new StreamMessageReader(process.stdin);
  const listen = reader.listen.bind(reader);
  reader.listen = callback => listen((m: Message) => { if ((m as { method?: string }).method === 'shutdown') shutdown = true; callback(m); });
  reader.onError(e => fatal(`unreadable message from the client: ${e.message.split('\n')[0]}`));
  // Listening before the reader does (both in this tick, before any data), the guard sees every chunk first and
  // names a framing fault more precisely than the reader's error.
  const guard = new FrameGuard(reason => fatal(`malformed message from the client: ${reason}`));
  process.stdin.on('data', (chunk: Buffer) => guard.push(chunk));
  startServer(createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout)), { defaultCorpus: BUNDLED_SEEDS });
  // With a reader instead of a stream, the library no longer ends the process when the client goes away.
  const gone = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', gone).on('close', gone);
}
