// Entry of the bundled server (dist/server.js): IPC when started by the VS Code client, --stdio otherwise.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, BUNDLED_SEEDS } from './server';

startServer(createConnection(ProposedFeatures.all), { defaultCorpus: BUNDLED_SEEDS });
