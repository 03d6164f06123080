// `pnpm bench [section...]`: runs the bench sections (bench/*.ts exporting `name` and `run`), in
// file name order or those named; BENCH_RUNS sets how many runs each measurement takes.
import { fileURLToPath } from "node:url";
import { ensureEngine } from "./_engine.js";
import { loadSections, parseRuns, selectSections } from "./_sections.js";

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

try {
  const runs = parseRuns(process.env.BENCH_RUNS);
  const sections = selectSections(await loadSections(fileURLToPath(new URL(".", import.meta.url))), process.argv.slice(2));
  await ensureEngine();
  for (const section of sections) {
    // Sections print how many runs they took: a heavy one may take fewer than BENCH_RUNS asks.
    log(`\n## ${section.name}\n`);
    await section.run({ runs, log });
  }
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
