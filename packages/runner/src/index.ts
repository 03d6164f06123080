export type { Command, ContainerSession, ExecOptions, ExecResult } from "./types.js";
