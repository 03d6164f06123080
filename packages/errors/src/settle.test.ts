import { describe, expect, it } from "vitest";
import { errorCodeOf, hasErrorCode } from "./error-values.js";
import { settleEach } from "./settle.js";

describe("settleEach", () => {
  it("returns every value and every failure in input order, a failure not stopping the others", async () => {
    const result = await settleEach(["a", "b", "c"], (item) => {
      if (item === "b") return Promise.reject(new Error("b broke"));
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- plugins do reject with text
      if (item === "c") return Promise.reject("c text");
      return Promise.resolve(item.toUpperCase());
    });
    expect(result.values).toEqual([{ item: "a", value: "A" }]);
    expect(result.failures.map((f) => [f.item, f.error.message])).toEqual([
      ["b", "b broke"],
      ["c", "c text"],
    ]);
  });
});

describe("hasErrorCode", () => {
  it("matches any of the codes given, and nothing without a string code", () => {
    const enoent = Object.assign(new Error("gone"), { code: "ENOENT" });
    expect(hasErrorCode(enoent, "ENOENT")).toBe(true);
    expect(hasErrorCode(enoent, "EACCES", "ENOENT")).toBe(true);
    expect(hasErrorCode(enoent, "EACCES")).toBe(false);
    expect(hasErrorCode(null, "ENOENT")).toBe(false);
    expect(hasErrorCode({ code: 2 }, "2")).toBe(false);
  });
});

describe("errorCodeOf", () => {
  it("returns a string code, and undefined for anything else", () => {
    expect(errorCodeOf(Object.assign(new Error("gone"), { code: "ENOENT" }))).toBe("ENOENT");
    expect(errorCodeOf({ code: 2 })).toBeUndefined();
    expect(errorCodeOf(new Error("plain"))).toBeUndefined();
    expect(errorCodeOf("text")).toBeUndefined();
  });
});
