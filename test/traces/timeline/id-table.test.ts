import { expect, it } from "vitest";
import { IdTable } from "../../../traces/timeline/id-table";

it("IdTable answers small, large and negative ids, in first-insertion order like a Map", () => {
  const t = new IdTable<string>();
  t.set(3, "a");
  t.set(2 ** 22, "b");
  t.set(-4, "c");
  t.set(3, "d"); // replaced in place: keeps its position
  expect([t.get(3), t.get(2 ** 22), t.get(-4), t.get(5)]).toEqual(["d", "b", "c", undefined]);
  expect([...t.values()]).toEqual(["d", "b", "c"]);
});
