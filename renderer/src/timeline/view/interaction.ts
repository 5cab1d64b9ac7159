/**
 * Mouse interaction, Perfetto-style:
 * - ctrl/⌘ + wheel (and a trackpad pinch, which browsers report as ctrl + wheel) zooms around the
 *   time under the mouse;
 * - shift + wheel, and horizontal wheel/trackpad movement, pans in time;
 * - the plain vertical wheel scrolls the rows (over the canvas and over the labels alike);
 * - dragging pans in time and scrolls vertically; a click without a drag selects the event
 *   nearest to the mouse on that row and moves the cursor to it (a row with no events selects its
 *   goroutine or object).
 * Everything goes through the store's view actions: viewStart/viewEnd and scrollY live there.
 * "Time" here is the view's x, whichever its unit (ns, or events on the event axis).
 */
import type { StoreApi } from "../../store/store";

export interface InteractionHost {
  /** Canvas width, CSS px. */
  width(): number;
  maxScroll(): number;
  /** Click at (x, y) CSS px in the canvas (y from its top, without scroll). */
  click(x: number, y: number): void;
  hover(x: number, y: number, clientX: number, clientY: number): void;
  leave(): void;
}

const ZOOM_PER_PIXEL = 0.0022;
const DRAG_THRESHOLD = 3;

function wheelPixels(e: WheelEvent, page: number): [number, number] {
  const k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? page : 1;
  return [e.deltaX * k, e.deltaY * k];
}

export function installInteraction(body: HTMLElement, gutter: HTMLElement, store: StoreApi, host: InteractionHost): () => void {
  const local = (e: { clientX: number; clientY: number }) => {
    const r = body.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  const scrollBy = (dy: number) => {
    const s = store.getState();
    s.setScrollY(Math.min(host.maxScroll(), Math.max(0, s.scrollY + dy)));
  };
  const panByPixels = (dx: number) => {
    const s = store.getState();
    const ns = (dx / Math.max(1, host.width())) * (s.viewEnd - s.viewStart);
    s.setView(s.viewStart + ns, s.viewEnd + ns);
  };

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const [dx, dy] = wheelPixels(e, body.clientHeight);
    const s = store.getState();
    if (e.ctrlKey || e.metaKey) {
      const [x] = local(e);
      const anchor = s.viewStart + (x / Math.max(1, host.width())) * (s.viewEnd - s.viewStart);
      s.zoom(Math.exp(-dy * ZOOM_PER_PIXEL), e.currentTarget === body ? anchor : undefined);
    } else if (e.shiftKey) panByPixels(dy !== 0 ? dy : dx);
    else if (Math.abs(dx) > Math.abs(dy)) panByPixels(dx);
    else scrollBy(dy);
  };

  let drag: { x: number; y: number; start: number; end: number; scroll: number; moved: boolean; id: number } | undefined;
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const s = store.getState();
    drag = { x: e.clientX, y: e.clientY, start: s.viewStart, end: s.viewEnd, scroll: s.scrollY, moved: false, id: e.pointerId };
  };
  const onMove = (e: PointerEvent) => {
    if (drag && e.pointerId === drag.id && (e.buttons & 1) === 1) {
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!drag.moved) {
        drag.moved = true;
        body.setPointerCapture(e.pointerId);
        body.style.cursor = "grabbing";
        host.leave();
      }
      const ns = (dx / Math.max(1, host.width())) * (drag.end - drag.start);
      const s = store.getState();
      s.setView(drag.start - ns, drag.end - ns);
      s.setScrollY(Math.min(host.maxScroll(), Math.max(0, drag.scroll - dy)));
      return;
    }
    const [x, y] = local(e);
    host.hover(x, y, e.clientX, e.clientY);
  };
  const onUp = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    const d = drag;
    drag = undefined;
    body.style.cursor = "";
    if (body.hasPointerCapture(e.pointerId)) body.releasePointerCapture(e.pointerId);
    if (!d.moved) {
      const [x, y] = local(e);
      host.click(x, y);
    }
  };
  const onLeave = () => {
    if (!drag) host.leave();
  };
  body.addEventListener("wheel", onWheel, { passive: false });
  gutter.addEventListener("wheel", onWheel, { passive: false });
  body.addEventListener("pointerdown", onDown);
  body.addEventListener("pointermove", onMove);
  body.addEventListener("pointerup", onUp);
  body.addEventListener("pointercancel", onUp);
  body.addEventListener("pointerleave", onLeave);
  return () => {
    body.removeEventListener("wheel", onWheel);
    gutter.removeEventListener("wheel", onWheel);
    body.removeEventListener("pointerdown", onDown);
    body.removeEventListener("pointermove", onMove);
    body.removeEventListener("pointerup", onUp);
    body.removeEventListener("pointercancel", onUp);
    body.removeEventListener("pointerleave", onLeave);
  };
}
