// `npm run bench`: every benchmark, each printing its figure beside a reference measured in the same run.
// `npm run bench -- api` or `-- ingress` runs one.
import { benchApi } from './api.js';
import { benchIngress } from './ingress.js';

const only = process.argv[2];
if (!only || only === 'api') await benchApi();
if (!only || only === 'ingress') await benchIngress();
