import { describe, expect, it } from "vitest";
import { categoryOf, ImgsError, isImgsError, WrappingError } from "./imgs-error.js";

class SampleThingMissingError extends ImgsError {
  readonly code = "SAMPLE_THING_MISSING";
  readonly category = "usage";
  constructor(readonly thing: string, cause?: unknown) {
    super(`no thing "${thing}"`, { cause });
  }
}

describe("ImgsError", () => {
  it("gives a subclass its class name, code, category, data and cause", () => {
    const cause = new Error("underneath");
    const error = new SampleThingMissingError("x", cause);
    expect(error.name).toBe("SampleThingMissingError");
    expect(error.code).toBe("SAMPLE_THING_MISSING");
    expect(error.category).toBe("usage");
    expect(error.thing).toBe("x");
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe('SampleThingMissingError: no thing "x"');
    expect(isImgsError(error)).toBe(true);
  });

  it("has no cause property when none is given", () => {
    expect("cause" in new SampleThingMissingError("x")).toBe(false);
  });
});

describe("categoryOf", () => {
  it("returns an imgs error's category, and failure for anything else", () => {
    expect(categoryOf(new SampleThingMissingError("x"))).toBe("usage");
    expect(categoryOf(new TypeError("bug"))).toBe("failure");
    expect(categoryOf("thrown text")).toBe("failure");
  });
});

class SampleStepFailedError extends WrappingError {
  readonly code = "SAMPLE_STEP_FAILED";
  constructor(readonly step: string, cause: unknown) {
    super(`step ${step} failed`, cause);
  }
}

describe("WrappingError", () => {
  it("takes its category from its cause: usage for a usage error, failure for anything else", () => {
    const usage = new SampleStepFailedError("a", new SampleThingMissingError("x"));
    expect(usage).toMatchObject({ name: "SampleStepFailedError", code: "SAMPLE_STEP_FAILED", category: "usage", step: "a" });
    expect(categoryOf(usage)).toBe("usage");
    expect(new SampleStepFailedError("b", new TypeError("bug")).category).toBe("failure");
    expect(categoryOf(new SampleStepFailedError("c", usage))).toBe("usage");
  });
});
