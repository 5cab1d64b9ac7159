/** The hover tooltip: a DOM box of text lines (`textContent` only), kept inside the timeline. */
import type { TooltipText } from "./tooltip-text";

const OFFSET = 14;

export function showTooltip(root: HTMLElement, text: TooltipText, clientX: number, clientY: number): void {
  let box = root.querySelector<HTMLElement>(':scope > [data-testid="tooltip"]');
  if (!box) {
    box = document.createElement("div");
    box.dataset.testid = "tooltip";
    box.setAttribute("role", "tooltip");
    Object.assign(box.style, {
      position: "absolute", zIndex: "20", pointerEvents: "none", maxWidth: "420px", padding: "6px 9px",
      borderRadius: "6px", font: "12px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif",
      background: "var(--bg-elev, #1b1e23)", color: "var(--fg, #d7dce2)", border: "1px solid var(--border-strong, #3b414b)",
      boxShadow: "var(--shadow, 0 8px 24px rgba(0,0,0,.5))", whiteSpace: "pre-wrap", overflowWrap: "anywhere",
    } satisfies Partial<CSSStyleDeclaration>);
    root.appendChild(box);
  }
  box.replaceChildren();
  const title = document.createElement("div");
  title.style.fontWeight = "600";
  title.textContent = text.title;
  box.appendChild(title);
  for (const line of text.lines) {
    const div = document.createElement("div");
    div.style.color = "var(--fg-muted, #8b949e)";
    div.textContent = line;
    box.appendChild(div);
  }
  const r = root.getBoundingClientRect();
  const w = box.offsetWidth;
  const h = box.offsetHeight;
  let x = clientX - r.left + OFFSET;
  let y = clientY - r.top + OFFSET;
  if (x + w > r.width - 4) x = Math.max(4, clientX - r.left - OFFSET - w);
  if (y + h > r.height - 4) y = Math.max(4, clientY - r.top - OFFSET - h);
  box.style.left = `${x}px`;
  box.style.top = `${y}px`;
}

export function hideTooltip(root: HTMLElement): void {
  root.querySelector(':scope > [data-testid="tooltip"]')?.remove();
}
