// `npm run bench`: every benchmark, each printing its figure beside a reference measured in the same run.
import { benchApi } from './api.js';

const only = process.argv[2];
if (!only || only === 'api') await benchApi();
