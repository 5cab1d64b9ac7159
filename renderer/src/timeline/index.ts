/** The timeline's public surface for the app shell and the panels. */
import { currentTimelineView } from "./Timeline";

export { Timeline } from "./Timeline";
export { palette, type Palette, type StateColors, type KindColors } from "../theme/palette";

/** A PNG of the current timeline view (File → Export image); null when no timeline is showing. */
export async function exportTimelinePng(): Promise<Uint8Array | null> {
  return (await currentTimelineView()?.exportPng()) ?? null;
}
