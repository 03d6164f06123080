import { ImgsError } from "@imgs/errors";

/** An image was not built because its parent failed or was itself not built. */
export class ParentNotBuiltError extends ImgsError {
  readonly code = "PARENT_NOT_BUILT";
  readonly category = "failure";
  constructor(readonly image: string, readonly parent: string) {
    super(`not built because its parent ${parent} was not built`);
  }
}

/** A child's parent is not part of this build and has no local image to build FROM. */
export class ParentImageMissingError extends ImgsError {
  readonly code = "PARENT_IMAGE_MISSING";
  readonly category = "failure";
  constructor(readonly image: string, readonly parent: string, readonly reference: string, cause?: unknown) {
    super(`its parent ${parent} is not being built and ${reference} is not a local image; build ${parent} too (or first)`, { cause });
  }
}

/** The tag rules give no tag for this build, so the images would have no name. */
export class NoBuildTagsError extends ImgsError {
  readonly code = "NO_BUILD_TAGS";
  readonly category = "usage";
  constructor(readonly rules: readonly string[], readonly ref: string) {
    super(
      `the build's tag rules give no tag for ${ref === "" ? "this checkout" : ref} (rules: ${rules.join("; ")}); ` +
        "add a rule that always applies, such as type=sha or type=raw,value=build",
    );
  }
}

/** A Dockerfile of the hierarchy cannot be read. */
export class DockerfileUnreadableError extends ImgsError {
  readonly code = "DOCKERFILE_UNREADABLE";
  readonly category = "usage";
  constructor(readonly image: string, readonly dockerfile: string, cause?: unknown) {
    super(`cannot read the Dockerfile of ${image}: ${dockerfile}`, { cause });
  }
}

/** `--target` names a stage that some Dockerfiles do not have. */
export class TargetStageMissingError extends ImgsError {
  readonly code = "TARGET_STAGE_MISSING";
  readonly category = "usage";
  constructor(readonly target: string, readonly dockerfiles: readonly string[]) {
    super(`target stage "${target}" is not a stage (FROM … AS ${target}) of: ${dockerfiles.join(", ")}`);
  }
}

/** A build argument that imgs sets itself was given too. */
export class ReservedBuildArgError extends ImgsError {
  readonly code = "RESERVED_BUILD_ARG";
  readonly category = "usage";
  constructor(readonly argument: string) {
    super(`build argument ${argument} carries each child's parent image and is set by imgs; use another name (or change build.baseImageArg)`);
  }
}

/** The image has no commit sha in its environment or labels. */
export class ImageHasNoShaError extends ImgsError {
  readonly code = "IMAGE_HAS_NO_SHA";
  readonly category = "failure";
  constructor(readonly reference: string, readonly where: string, readonly looked: readonly string[]) {
    super(`${reference} holds no commit sha: looked in ${where} for ${looked.join(" and ")}`);
  }
}

/** An image has no image of the platform asked for: an index without it, or a single image of another platform. */
export class ImagePlatformMissingError extends ImgsError {
  readonly code = "IMAGE_PLATFORM_MISSING";
  readonly category = "failure";
  constructor(
    readonly reference: string,
    /** The platform asked for, e.g. "linux/arm64". */
    readonly platform: string,
    /** What was looked at, e.g. "image index sha256:… in the registry at http://127.0.0.1:5000". */
    readonly where: string,
    /** The platforms it has. */
    readonly available: readonly string[],
  ) {
    super(`${reference} has no ${platform} image: ${where} has ${available.length === 0 ? "no platform" : available.join(", ")}`);
  }
}

/** An image to build has no Dockerfile in the config. */
export class NoDockerfileError extends ImgsError {
  readonly code = "NO_DOCKERFILE";
  readonly category = "usage";
  constructor(readonly images: readonly string[]) {
    super(`no dockerfile in the config for: ${images.join(", ")}`);
  }
}
