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
