/** `npm run bench`: every benchmark, one after the other. Figures only, no pass/fail. */
import {runBatchBench} from './batch.js';
import {runStartupBench} from './startup.js';

await runStartupBench();
await runBatchBench();
