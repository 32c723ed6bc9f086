import type { ReactNode } from "react";
import { CompareTray } from "@/components/catalog/compare-tray";

/** Every catalog page shares the compare selection's tray, placed after the page so it rests above the footer. */
export default function ModelsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <CompareTray />
    </>
  );
}
