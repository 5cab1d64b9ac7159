/** Small stroke icons (inline SVG elements, so the strict CSP needs no icon font). */
import type { ReactElement } from "react";

const paths = {
  open: "M2 4.5h4l1.5 1.5H14v7H2z M2 6.5h12",
  zoomIn: "M7 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8z M10 10l3.5 3.5 M5 7h4 M7 5v4",
  zoomOut: "M7 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8z M10 10l3.5 3.5 M5 7h4",
  fit: "M2 5V2h3 M11 2h3v3 M14 11v3h-3 M5 14H2v-3 M5 8h6 M6.5 6.5L5 8l1.5 1.5 M9.5 6.5L11 8l-1.5 1.5",
  sun: "M8 5a3 3 0 1 0 0 6a3 3 0 1 0 0-6z M8 1v2 M8 13v2 M1 8h2 M13 8h2 M3 3l1.4 1.4 M11.6 11.6L13 13 M3 13l1.4-1.4 M11.6 4.4L13 3",
  moon: "M12.5 10A5 5 0 0 1 6 3.5a5 5 0 1 0 6.5 6.5z",
  help: "M8 2a6 6 0 1 0 0 12a6 6 0 1 0 0-12z M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.6 M8 11.4v.2",
  search: "M7 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8z M10 10l3.5 3.5",
  filter: "M2 3h12l-4.5 5.5V13l-3-1.5v-3z",
  close: "M4 4l8 8 M12 4l-8 8",
  chevronDown: "M4 6l4 4 4-4",
  chevronRight: "M6 4l4 4-4 4",
  arrowSend: "M2 11C5 4 10 4 13 9 M13 9l-3 0 M13 9l0-3",
  image: "M2 3h12v10H2z M2 11l3.5-3.5 3 3 2-2L14 12 M10.5 5.5h.1",
  home: "M2 8l6-5.5L14 8 M4 7v6.5h8V7",
  warning: "M8 2l6.5 11.5h-13z M8 6.5v3.5 M8 11.8v.2",
  error: "M8 2a6 6 0 1 0 0 12a6 6 0 1 0 0-12z M5.8 5.8l4.4 4.4 M10.2 5.8l-4.4 4.4",
  prev: "M10 3.5L5.5 8l4.5 4.5",
  next: "M6 3.5L10.5 8 6 12.5",
  file: "M4 1.5h5l3 3v10H4z M9 1.5v3h3",
  upload: "M8 11V3 M5 6l3-3 3 3 M2.5 11v2.5h11V11",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16 }: { readonly name: IconName; readonly size?: number }): ReactElement {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
