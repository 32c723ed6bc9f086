"use client";

import { useSyncExternalStore } from "react";
import {
  addToSelection,
  compareStorageKey,
  parseSelection,
  type AddResult,
  type CompareItem,
} from "@/lib/catalog/compare-selection";

/*
 * The compare selection lives in localStorage so it survives navigation and is shared across tabs
 * through the `storage` event; writes in this tab notify a local listener set, because the
 * `storage` event never fires in the tab that wrote.
 */
const listeners = new Set<() => void>();
const empty: readonly CompareItem[] = [];
let cachedRaw: string | null = null;
let cachedItems: readonly CompareItem[] = empty;

function read(): readonly CompareItem[] {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(compareStorageKey);
  } catch {
    // Storage can be disabled (privacy settings); the selection is then empty.
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedItems = parseSelection(raw);
  }
  return cachedItems;
}

function write(items: readonly CompareItem[]): void {
  try {
    if (items.length === 0) window.localStorage.removeItem(compareStorageKey);
    else window.localStorage.setItem(compareStorageKey, JSON.stringify(items));
  } catch {
    // Without storage the selection cannot be kept; the listeners still re-read (and see no change).
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === compareStorageKey) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useCompareSelection(): readonly CompareItem[] {
  return useSyncExternalStore(subscribe, read, () => empty);
}

export function addToCompare(item: CompareItem): AddResult {
  const result = addToSelection(read(), item);
  if (result.ok) write(result.items);
  return result;
}

export function removeFromCompare(slug: string): void {
  write(read().filter((i) => i.slug !== slug));
}

export function clearCompare(): void {
  write([]);
}

/** Makes the selection what the compare page shows, so the tray agrees with it after leaving. */
export function replaceCompare(items: readonly CompareItem[]): void {
  const current = read();
  const same = current.length === items.length && current.every((c, i) => c.slug === items[i]?.slug && c.name === items[i]?.name);
  if (!same) write(items);
}
