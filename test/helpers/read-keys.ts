import type {KeyClaim} from '../../src/ui/key-paced-stdin.js';

/** The first `count` chunks a key stream gives, as strings; fails after 5 s with what did arrive. */
export async function readKeys(stream: NodeJS.ReadableStream & {read(): unknown}, count: number): Promise<string[]> {
  const got: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`only ${JSON.stringify(got)} arrived`)), 5000);
    const onReadable = () => {
      let chunk;
      while ((chunk = stream.read()) !== null) got.push(String(chunk));
      if (got.length >= count) {
        clearTimeout(deadline);
        stream.off('readable', onReadable);
        resolve();
      }
    };
    stream.on('readable', onReadable);
  });
  return got;
}

/** A handler's claim on a key stream, as useKeys makes it: every key, or only `keys`. */
export function takes(options: {keys?: readonly string[]; typedAhead?: boolean} = {}): KeyClaim {
  return {keys: () => options.keys, typedAhead: () => options.typedAhead ?? true};
}
