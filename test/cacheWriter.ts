// A cache writer for the concurrency test: writes and reads the same keys as its siblings, in the same folder, many
// times; prints the number of reads that saw anything but nothing or the whole entry.
import {DatasetCache} from "../src/build/cache.js";
import {sha256} from "../src/build/hash.js";

const [dir, rounds] = [process.argv[2], Number(process.argv[3])];
const cache = new DatasetCache(dir);
let bad = 0;
for (let round = 0; round < rounds; ++round) {
  for (let i = 0; i < 40; ++i) {
    const key = sha256(`key ${i}`);
    const json = JSON.stringify({
      scalars: {i},
      tables: {rows: Array.from({length: 200 + i}, (_, j) => ({j, value: j * i}))}
    });
    const seen = cache.read(key);
    if (seen !== undefined && seen !== json) ++bad;
    cache.write(key, json, round);
  }
}
process.stdout.write(`${bad}\n`);
