export type { Command, ContainerSession, ExecOptions, ExecResult, ImageInfo } from "./types.js";
