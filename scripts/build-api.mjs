// Builds the shared libs and the API (Nx-cached), for scripts that run dist/.
import { build } from './build.mjs';
import { applyLocalEnv } from './local-env.mjs';

applyLocalEnv();
build(['domain', 'nlp-id', 'api']);
