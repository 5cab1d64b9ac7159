/** A link to a goroutine, object or event: a button that follows the reference (refs.ts). */
import type { ReactElement, ReactNode } from "react";
import { useStore } from "../store/store";
import { followRef, type Ref } from "./refs";

export function RefLink({ to, children, title }: { readonly to: Ref; readonly children: ReactNode; readonly title?: string }): ReactElement {
  return (
    <button
      type="button"
      className="ref-link"
      title={title}
      data-ref={`${to.kind}:${to.kind === "event" ? to.index : to.id}`}
      onClick={(e) => {
        e.stopPropagation();
        followRef(useStore, to);
      }}
    >
      {children}
    </button>
  );
}
