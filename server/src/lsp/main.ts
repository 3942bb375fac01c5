// Entry of the bundled server (dist/server.js): IPC when started by the VS Code client, --stdio otherwise.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { runStdioServer } from './stdio';
import { BUNDLED_SEEDS } from '../bundled-seeds';
import { tuneEngine } from '../engine';

tuneEngine();

// Over stdio, frames are checked and a malformed one ends the server (see stdio.ts); IPC carries whole messages.
if (process.argv.includes('--stdio')) runStdioServer();
else startServer(createConnection(ProposedFeatures.all), { defaultCorpus: BUNDLED_SEEDS });
