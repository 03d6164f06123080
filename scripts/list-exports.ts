// Counts every published package's public export names (values and types); with --write, writes
// them to api/<package>.txt, the lists the public-API test holds each package to.
// `pnpm exec tsx scripts/list-exports.ts [--write] [pkg...]`
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** Each package's export names from its src/index.ts, with "type" or "value", sorted. */
export function listExports(packagesDir: string, only?: readonly string[]): Map<string, string[]> {
  const packages = readdirSync(packagesDir).filter((p) => (only?.length ? only.includes(p) : true)).sort();
  const files = packages.map((p) => join(packagesDir, p, "src", "index.ts"));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    paths: { "@imgs/*": [join(packagesDir, "*", "src", "index.ts")] },
  });
  const checker = program.getTypeChecker();
  const result = new Map<string, string[]>();
  packages.forEach((pkg, i) => {
    const source = program.getSourceFile(files[i] ?? "");
    const symbol = source ? checker.getSymbolAtLocation(source) : undefined;
    if (!symbol) return;
    const names = checker.getExportsOfModule(symbol).map((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      const kind = target.flags & ts.SymbolFlags.Value ? "value" : "type";
      return `${s.getName()} ${kind}`;
    });
    result.set(pkg, names.sort());
  });
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const write = process.argv.includes("--write");
  const root = join(import.meta.dirname, "..");
  const lists = listExports(join(root, "packages"), process.argv.slice(2).filter((a) => a !== "--write"));
  let total = 0;
  for (const [pkg, names] of lists) {
    if (pkg === "test-utils") continue; // private: never published
    total += names.length;
    process.stdout.write(`${pkg}: ${names.length}\n`);
    if (write) writeFileSync(join(root, "api", `${pkg}.txt`), `${names.join("\n")}\n`);
  }
  process.stdout.write(`total: ${total}\n`);
}
