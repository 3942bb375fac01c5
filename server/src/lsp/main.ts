// Entry of the bundled server (dist/server.js): IPC when started by the VS Code client, --stdio otherwise.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { BUNDLED_SEEDS } from '../bundled-seeds';

startServer(createConnection(ProposedFeatures.all), { defaultCorpus: BUNDLED_SEEDS });
