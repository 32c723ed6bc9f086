"use client";

import { useEffect } from "react";
import type { CompareItem } from "@/lib/catalog/compare-selection";
import { replaceCompare } from "./compare-store";

/** Makes the compare selection what the page compares, so the tray agrees with it afterwards. */
export function CompareSync({ items }: { items: CompareItem[] }) {
  const key = JSON.stringify(items);
  useEffect(() => {
    replaceCompare(JSON.parse(key) as CompareItem[]);
  }, [key]);
  return null;
}
