// Prints every package's public export names (values and types), one a line: `pkg name kind`.
// `pnpm exec tsx scripts/list-exports.ts [pkg...]`; the export-list test uses listExports().
import { readdirSync } from "node:fs";
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
  const lists = listExports(join(import.meta.dirname, "..", "packages"), process.argv.slice(2));
  let total = 0;
  for (const [pkg, names] of lists) {
    total += names.length;
    process.stdout.write(`${pkg}: ${names.length}\n`);
  }
  process.stdout.write(`total: ${total}\n`);
}
