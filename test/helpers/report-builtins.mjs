// Loaded with `node --import` by terminal tests: the first time stdout carries the text named by
// BTALK_TEST_FRAME_TEXT, writes to the file named by BTALK_TEST_BUILTINS_FILE the Node builtins
// (process.moduleLoadList's NativeModule entries) loaded since this module ran, one a line.
import {writeFileSync} from 'node:fs';

const file = process.env.BTALK_TEST_BUILTINS_FILE;
const text = process.env.BTALK_TEST_FRAME_TEXT;
if (file && text) {
  const before = new Set(process.moduleLoadList);
  const write = process.stdout.write;
  let seen = false;
  process.stdout.write = function (chunk, ...rest) {
    if (!seen && String(chunk).includes(text)) {
      seen = true;
      const loaded = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
      writeFileSync(file, `${loaded.join('\n')}\n`);
    }
    return write.call(this, chunk, ...rest);
  };
}
