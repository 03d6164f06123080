import { defineTagger } from "./define-tagger.js";
import { run, soleWord } from "./output.js";

// Each Jupyter program prints its bare version ("7.2.1") for --version.
const NOTEBOOK_VERSION = "jupyter-notebook --version";
const LAB_VERSION = "jupyter-lab --version";
const HUB_VERSION = "jupyterhub --version";

/** "jupyter-notebook": "notebook-" + `jupyter-notebook --version`, e.g. "notebook-7.2.1". */
export const jupyterNotebookTagger = defineTagger("jupyter-notebook", async (ctx) => {
  return `notebook-${soleWord(await run(ctx, NOTEBOOK_VERSION), NOTEBOOK_VERSION, "the notebook version")}`;
});

/** "jupyter-lab": "lab-" + `jupyter-lab --version`, e.g. "lab-4.2.3". */
export const jupyterLabTagger = defineTagger("jupyter-lab", async (ctx) => {
  return `lab-${soleWord(await run(ctx, LAB_VERSION), LAB_VERSION, "the JupyterLab version")}`;
});

/** "jupyter-hub": "hub-" + `jupyterhub --version`, e.g. "hub-5.0.0". */
export const jupyterHubTagger = defineTagger("jupyter-hub", async (ctx) => {
  return `hub-${soleWord(await run(ctx, HUB_VERSION), HUB_VERSION, "the JupyterHub version")}`;
});
