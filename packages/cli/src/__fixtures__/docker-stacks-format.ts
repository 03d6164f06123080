// The line patterns of docker-stacks' writers live with the manifests package's own goldens (its
// __golden__/README.md says which Python line makes which line); the CLI's tests check the files
// the real commands write against the same patterns.
export { historyLineProblems, manifestProblems, tagsFileProblems } from "../../../manifests/src/testing/docker-stacks-format.js";
