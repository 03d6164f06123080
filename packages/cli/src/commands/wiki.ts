import type { CommandModule } from "yargs";
import type { CliDeps } from "../deps.js";

interface WikiArgs {
  config?: string;
  "wiki-dir"?: string;
  "manifests-dir"?: string;
  "hist-lines-dir"?: string;
  repository?: string;
  "allow-no-files"?: boolean;
  "home-template"?: string;
  "max-manifests"?: number;
  "builds-image"?: string;
  "git-dir"?: string;
  "server-url"?: string;
  format?: string;
  "site-dir"?: string;
}

/** `imgs wiki`: docker-stacks' update_wiki.py, and a static HTML site of the same history. */
export function wikiCommand(deps: CliDeps): CommandModule<object, WikiArgs> {
  return {
    command: "wiki",
    describe: "File build manifests and history lines into the build-history wiki (docker-stacks' update_wiki.py), optionally as an HTML site too",
    builder: (y) =>
      y
        .option("wiki-dir", { type: "string", demandOption: true, describe: "The wiki's folder (a clone of the wiki repository)" })
        .option("manifests-dir", { type: "string", describe: "Folder of build manifests (default: the config's)" })
        .option("hist-lines-dir", { type: "string", describe: "Folder of build history lines (default: the config's)" })
        .option("repository", { type: "string", describe: "Source repository OWNER/NAME (default: the config's)" })
        .option("allow-no-files", { type: "boolean", describe: "Succeed when there are no manifests or history lines" })
        .option("home-template", { type: "string", describe: "Markdown file for the Home page, with <!-- YEAR_MONTHLY_TABLES --> and {REPOSITORY}" })
        .option("max-manifests", { type: "number", describe: "Manifests the wiki keeps, newest first (default 4500)" })
        .option("builds-image", { type: "string", describe: "Image whose x86_64 builds the Home page counts as Builds (default base-notebook)" })
        .option("git-dir", { type: "string", describe: "Repository whose first-parent commits are counted per month (default: the working directory)" })
        .option("server-url", { type: "string", describe: "Web server of the repository for the commit links (default https://github.com)" })
        .option("format", { choices: ["markdown", "html"], default: "markdown", describe: "html: also write a static site (index by month, manifests, diffs)" })
        .option("site-dir", { type: "string", describe: "Folder of the HTML site (default: WIKI_DIR/html)" }),
    handler: async (args) => {
      // Loaded when the command runs, so `imgs --help` and other commands start fast.
      const { updateWiki } = await import("../apps/wiki.js");
      const result = await updateWiki(
        {
          wikiDir: args["wiki-dir"] ?? "",
          manifestsDir: args["manifests-dir"],
          histLinesDir: args["hist-lines-dir"],
          repository: args.repository,
          allowNoFiles: args["allow-no-files"],
          homeTemplate: args["home-template"],
          maxManifests: args["max-manifests"],
          buildsImage: args["builds-image"],
          gitDir: args["git-dir"],
          serverUrl: args["server-url"],
          format: args.format,
          siteDir: args["site-dir"],
          config: args.config,
        },
        deps,
      );
      deps.stdout.write([...result.written.map((f) => `${f}\n`), ...result.removed.map((f) => `removed ${f}\n`)].join(""));
    },
  };
}
