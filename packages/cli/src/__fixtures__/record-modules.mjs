// Loaded with `node --import` before the imgs binary: at exit, writes every module the process
// loaded (ESM by resolve hook, CommonJS from require's cache) to IMGS_TEST_MODULES_FILE, one a line.
import { writeFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { MessageChannel } from "node:worker_threads";

const { port1, port2 } = new MessageChannel();
const loaded = new Set();
port1.on("message", (url) => loaded.add(url));
port1.unref();
register(new URL("./record-modules-hooks.mjs", import.meta.url), { data: { port: port2 }, transferList: [port2] });
process.on("exit", () => {
  for (const id of Object.keys(createRequire(import.meta.url).cache)) loaded.add(id);
  writeFileSync(process.env.IMGS_TEST_MODULES_FILE, [...loaded].join("\n"));
});
