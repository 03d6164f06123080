/** What buildTree reports while it works, in the order things happen. */
export type BuildEvent =
  /** Found before anything is built, e.g. a child's Dockerfile that ignores the parent argument. */
  | { readonly type: "warning"; readonly image: string; readonly dockerfile: string; readonly line: number; readonly message: string }
  /** The image's build starts; `parent` is the exact image it is built FROM. */
  | { readonly type: "start"; readonly image: string; readonly parent: { readonly image: string; readonly id: string } | undefined }
  /** A step of the Dockerfile starts ("Step 2/4 : RUN make"), or the stamp step ("stamp"). */
  | { readonly type: "step"; readonly image: string; readonly step: string }
  /** A line of build output. */
  | { readonly type: "output"; readonly image: string; readonly line: string }
  | { readonly type: "built"; readonly image: string; readonly id: string; readonly tags: readonly string[] }
  | { readonly type: "failed"; readonly image: string; readonly error: Error }
  /** Not built because its parent was not. */
  | { readonly type: "skipped"; readonly image: string; readonly parent: string };

/** Receives BuildEvents; it must not throw. */
export type BuildEventHandler = (event: BuildEvent) => void;
