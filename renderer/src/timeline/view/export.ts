/**
 * File → Export image: the timeline as the user sees it, in one PNG — the gutter's labels redrawn
 * as canvas text, the axis and the tracks copied from their canvases at full device resolution.
 */
import type { Store } from "../../store/store";
import { palette } from "../../theme/palette";
import type { Layout } from "../data/layout";
import type { TimelineElements } from "./timeline-view";

export interface ExportSize {
  readonly width: number;
  readonly height: number;
  readonly axisHeight: number;
  readonly dpr: number;
}

export async function composeExport(el: TimelineElements, layout: Layout, s: Store, size: ExportSize): Promise<Uint8Array | null> {
  const { dpr } = size;
  const gutter = el.gutter.clientWidth;
  const out = document.createElement("canvas");
  out.width = Math.round((gutter + size.width) * dpr);
  out.height = Math.round((size.axisHeight + size.height) * dpr);
  const ctx = out.getContext("2d");
  if (!ctx) return null;
  const p = palette(s.theme);
  ctx.fillStyle = p.gutter;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(el.axis, Math.round(gutter * dpr), 0);
  ctx.drawImage(el.canvas, Math.round(gutter * dpr), Math.round(size.axisHeight * dpr));
  ctx.save();
  ctx.scale(dpr, dpr);
  ctx.beginPath();
  ctx.rect(0, size.axisHeight, gutter, size.height);
  ctx.clip();
  ctx.textBaseline = "middle";
  for (const r of layout.rows) {
    const y = size.axisHeight + r.y - s.scrollY;
    if (y + r.h < size.axisHeight || y > size.axisHeight + size.height) continue;
    if (r.kind === "section") {
      ctx.fillStyle = p.header;
      ctx.fillRect(0, y, gutter, r.h);
      ctx.font = `600 11px system-ui, sans-serif`;
      ctx.fillStyle = p.textDim;
      ctx.fillText(`${r.title.toUpperCase()}  ${r.count}`, 8, y + r.h / 2);
      continue;
    }
    const indent = r.kind === "g" ? 8 + r.lane.depth * 12 : 8;
    const name = r.kind === "g" ? `${r.lane.name} #${r.lane.id}` : `${r.track.name} #${r.track.id}`;
    ctx.font = "12px system-ui, sans-serif";
    ctx.fillStyle = p.text;
    ctx.fillText(name, indent, y + r.h / 2, gutter - indent - 6);
  }
  ctx.restore();
  ctx.fillStyle = p.separator;
  ctx.fillRect(Math.round(gutter * dpr) - 1, 0, 1, out.height);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, "image/png"));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}
