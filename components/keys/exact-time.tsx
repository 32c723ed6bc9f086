"use client";

import { useSyncExternalStore } from "react";

const options: Intl.DateTimeFormatOptions = {
  weekday: "short",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};
const utcFormat = new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" });

const subscribe = () => () => {};

/**
 * A relative time ("in 3 days") with the exact date and time on hover and for screen readers: in
 * the browser's own time zone once it runs, in UTC in the server's HTML (which cannot know it).
 */
export function ExactTime({ iso, children }: { iso: string; children: string }) {
  const isBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(iso);
  const exact = isBrowser ? new Intl.DateTimeFormat(undefined, options).format(date) : utcFormat.format(date);
  return (
    <time dateTime={iso} title={exact}>
      {children}
      <span className="sr-only"> ({exact})</span>
    </time>
  );
}
