import type { FakeReply } from "@imgs/test-utils";

// Outputs shaped like a docker-stacks r-notebook's, with the quirks quoted_output exists for:
// blank lines around `mamba info`, trailing spaces in R's table, apt's warning on stderr.

const R_LIST = "R --silent -e 'installed.packages(.Library)[, c(1,3)]'";

/** The fixed container outputs of the golden test, by command. */
export const GOLDEN_REPLIES: Readonly<Record<string, FakeReply>> = {
  "python --version": { stdout: "Python 3.12.8\n" },
  "conda info": {
    stdout:
      "\n     active environment : base\n    active env location : /opt/conda\n            shell level : 0\n" +
      "       user config file : /home/jovyan/.condarc\n          conda version : 24.11.3   \n\n",
  },
  "mamba info": {
    stdout: "\n\n       libmamba version : 2.0.5\n          mamba version : 2.0.5\n           curl version : libcurl/8.11.1\n\n\n",
  },
  "mamba list": {
    stdout:
      "# packages in environment at /opt/conda:\n#\n# Name                    Version                   Build  Channel\n" +
      "python                    3.12.8          h9e4cc4f_1_cpython    conda-forge\n" +
      "r-base                    4.4.2                hc737e89_2    conda-forge\n",
  },
  // apt warns on stderr, then a blank line, when its output is not a terminal; quoted output puts stderr first.
  "apt list --installed": {
    stdout: "Listing...\nbash/noble,now 5.2.21-2ubuntu4 amd64 [installed]\ncoreutils/noble,now 9.4-3ubuntu6 amd64 [installed]\n",
    stderr: "WARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n",
  },
  "R --version": {
    stdout:
      'R version 4.4.2 (2024-10-31) -- "Pile of Leaves"\nCopyright (C) 2024 The R Foundation for Statistical Computing\n' +
      "Platform: x86_64-conda-linux-gnu\n\nR is free software and comes with ABSOLUTELY NO WARRANTY.\n",
  },
  [R_LIST]: {
    stdout:
      "> installed.packages(.Library)[, c(1,3)]\n           Package      Version  \n" +
      'base       "base"       "4.4.2"  \ncompiler   "compiler"   "4.4.2"  \n> \n> \n',
  },
};
