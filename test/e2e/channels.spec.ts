// A channel's track shows the occupancy the trace implies: hovering it at time t shows
// "len N/CAP" with N what the model's stateAt says for that moment.
import { test, expect } from "./fixtures";
import { modelOf, sample, samples } from "./server";

const name = samples().find((s) => s.isDefault)!.name;

test("channel tracks show the buffered length the trace implies", async ({ app }) => {
  await app.waitForTimeline();
  const model = modelOf(sample(name));
  const times = [...new Set(Array.from({ length: model.eventCount }, (_, i) => model.timeOf(i)))];
  // Midpoints between consecutive event times: the state is steady there, so one pixel either way agrees.
  const probes = times.slice(1).map((t, i) => (times[i]! + t) / 2);
  const buffered = model.objects.filter((o) => o.kind === "chan" && (o.cap ?? 0) > 0);
  expect(buffered.length).toBeGreaterThan(0);
  const seen = new Set<number>();
  let shot = false;
  for (const ch of buffered) {
    await expect(app.track("chan", ch.id)).toBeVisible();
    for (const t of probes) {
      const state = model.stateAt(model.seqAtTime(t)).channels.find((c) => c.id === ch.id);
      if (!state) continue;
      await app.hoverAt(app.track("chan", ch.id), t);
      await expect(app.tooltip).toBeVisible();
      await expect(app.tooltip).toContainText(`len ${state.len}/${state.cap}`);
      await expect(app.tooltip).toContainText(ch.name);
      seen.add(state.len);
      if (state.len > 0 && !shot) {
        shot = true;
        await app.screenshot("channel-tooltip");
      }
    }
  }
  // The sample really exercises the buffer: more than one occupancy level was checked.
  expect(seen.size).toBeGreaterThan(1);
});
