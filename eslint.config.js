import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "coverage/**", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // The root tsconfig resolves @imgs/* to source, so linting needs no build first.
      parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports." },
        {
          selector: "ImportDeclaration[source.value=/^(fs|path|os|child_process|util|stream|events|crypto|url|process|readline|net|tls|timers)(\\/.*)?$/]",
          message: "Import Node built-ins with the node: prefix.",
        },
      ],
    },
  },
  {
    // Tool configs are loaded by their tools through a default export.
    files: ["*.config.ts", "packages/*/tsup.config.ts", "examples/**/imgs.config.ts", "examples/**/imgs.config.mts", "packages/*/src/__fixtures__/**/imgs.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
);
