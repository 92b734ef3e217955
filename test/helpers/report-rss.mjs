// Preloaded into a btalk child process (node --import): writes its peak RSS in kilobytes to the
// file named by BTALK_TEST_RSS_FILE when it exits, however it exits.
import {writeFileSync} from 'node:fs';

const file = process.env.BTALK_TEST_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
