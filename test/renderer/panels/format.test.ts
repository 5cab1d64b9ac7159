// Counts read as English: the noun is singular for exactly one, and numbers are grouped.
import { describe, expect, it } from "vitest";
import { countOf, formatCount } from "../../../renderer/src/panels/format";

describe("countOf", () => {
  it("says 1 event, 0 events, 1,004,875 events", () => {
    expect(countOf(1, "event")).toBe("1 event");
    expect(countOf(0, "event")).toBe("0 events");
    expect(countOf(2, "goroutine")).toBe("2 goroutines");
    expect(countOf(1_004_875, "event")).toBe("1,004,875 events");
    expect(formatCount(1_004_875)).toBe("1,004,875");
  });
});
