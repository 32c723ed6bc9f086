"use client";

import { Minus, Plus, RotateCcw } from "lucide-react";
import { useCallback, useId, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { PaneView } from "@/lib/playground/contract";
import { identityZoom, pan, wheelDirection, zoomStep, zoomTransform, type FrameSize, type ZoomState } from "@/lib/playground/zoom";
import { cn } from "@/lib/utils/cn";
import { paneTitle } from "./pane-result";

const modes = [
  { value: "slider", label: "Slider" },
  { value: "fade", label: "Fade" },
  { value: "difference", label: "Difference" },
  { value: "side-by-side", label: "Side by side" },
] as const;
type Mode = (typeof modes)[number]["value"];

type Shown = { title: string; url: string; width: number; height: number; size: string };

function shown(pane: PaneView): Shown | null {
  const image = pane.images[0];
  if (!image) return null;
  const title = pane.label ? `${paneTitle(pane)} (${pane.label})` : paneTitle(pane);
  return { title, url: image.url, width: image.width, height: image.height, size: `${image.width}×${image.height}` };
}

const clampPercent = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

function frameSizeOf(element: Element | null): FrameSize {
  const rect = element?.getBoundingClientRect();
  return { width: rect?.width ?? 0, height: rect?.height ?? 0 };
}

/** Both images drawn into the same box (object-contain), so different sizes show at the same scale of the frame. */
function Layer({ image, zoom, className, style }: { image: Shown; zoom: ZoomState; className?: string; style?: CSSProperties }) {
  return (
    <div className={cn("absolute inset-0", className)} style={style}>
      {/* Media URLs are this instance's own files at their real size: next/image would re-encode them. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={image.url}
        alt={`${image.title}, ${image.size}`}
        draggable={false}
        className="absolute inset-0 size-full origin-top-left object-contain select-none"
        style={{ transform: zoomTransform(zoom) }}
      />
    </div>
  );
}

/** The name on the image itself, so nobody has to remember which side is which. */
function Tag({ children, side }: { children: ReactNode; side: "left" | "right" }) {
  return (
    <span
      aria-hidden
      className={cn(
        "pointer-events-none absolute top-2 z-20 max-w-[45%] truncate rounded-md bg-black/70 px-2 py-1 text-xs font-medium text-white",
        side === "left" ? "left-2" : "right-2",
      )}
    >
      {children}
    </span>
  );
}

function Frame({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div
      data-compare-frame
      className="relative h-full min-h-0 touch-none overflow-hidden rounded-lg border bg-muted [isolation:isolate]"
      aria-label={label}
      role={label ? "group" : undefined}
    >
      {children}
    </div>
  );
}

function Divider({ position, onChange }: { position: number; onChange: (n: number) => void }) {
  const move = (event: ReactPointerEvent<HTMLDivElement>) => {
    const frame = event.currentTarget.closest("[data-compare-frame]");
    if (!frame || !event.currentTarget.hasPointerCapture(event.pointerId)) return;
    const rect = frame.getBoundingClientRect();
    onChange(clampPercent(((event.clientX - rect.left) / rect.width) * 100));
  };
  const keys: Record<string, (n: number) => number> = {
    ArrowLeft: (n) => n - 1,
    ArrowDown: (n) => n - 1,
    ArrowRight: (n) => n + 1,
    ArrowUp: (n) => n + 1,
    PageDown: (n) => n - 10,
    PageUp: (n) => n + 10,
    Home: () => 0,
    End: () => 100,
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = keys[event.key];
    if (!step) return;
    event.preventDefault();
    onChange(clampPercent(step(position)));
  };
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Divider position"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={position}
      aria-valuetext={`${position}% left image`}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.stopPropagation();
        event.currentTarget.setPointerCapture(event.pointerId);
        move(event);
      }}
      onPointerMove={move}
      className="group absolute inset-y-0 z-10 flex w-8 -translate-x-1/2 cursor-ew-resize justify-center focus-visible:outline-none"
      style={{ left: `${position}%` }}
    >
      <span aria-hidden className="h-full w-0.5 bg-white shadow-[0_0_0_1px_rgba(0,0,0,0.5)]" />
      <span
        aria-hidden
        className="absolute top-1/2 size-8 -translate-y-1/2 rounded-full border-2 border-white bg-black/60 group-focus-visible:ring-4 group-focus-visible:ring-ring"
      />
    </div>
  );
}

function Caption({ left, right }: { left: Shown; right: Shown }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p>
        <span className="text-muted-foreground">Left: </span>
        <span className="font-medium">{left.title}</span> <span className="text-muted-foreground tabular-nums">{left.size}</span>
      </p>
      <p>
        <span className="text-muted-foreground">Right: </span>
        <span className="font-medium">{right.title}</span> <span className="text-muted-foreground tabular-nums">{right.size}</span>
      </p>
    </div>
  );
}

/** Two panes' first images in one full-screen dialog: slider, fade, difference or side by side, with one zoom for both. */
export function CompareViewer({ left, right, onClose }: { left: PaneView; right: PaneView; onClose: () => void }) {
  const [mode, setMode] = useState<Mode>("slider");
  const [divider, setDivider] = useState(50);
  const [fade, setFade] = useState(50);
  const fadeId = useId();
  const [zoom, setZoom] = useState<ZoomState>(identityZoom);
  const stage = useRef<HTMLDivElement>(null);
  const drag = useRef<{ id: number; x: number; y: number; frame: FrameSize } | null>(null);
  const a = shown(left);
  const b = shown(right);
  const ready = a !== null && b !== null;

  // React's wheel listener is passive, so it cannot stop the page from scrolling: listen natively. A
  // callback ref, because the dialog's portal mounts the stage after this component's first commit.
  const attachStage = useCallback((element: HTMLDivElement | null) => {
    stage.current = element;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const frame = (event.target as Element).closest("[data-compare-frame]");
      const direction = wheelDirection(event.deltaY);
      if (!frame || direction === 0) return;
      event.preventDefault();
      const rect = frame.getBoundingClientRect();
      const point = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      setZoom((z) => zoomStep(z, direction, point, { width: rect.width, height: rect.height }));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, []);

  const stepAtCentre = (direction: 1 | -1) => {
    const frame = frameSizeOf(stage.current?.querySelector("[data-compare-frame]") ?? null);
    setZoom((z) => zoomStep(z, direction, { x: frame.width / 2, y: frame.height / 2 }, frame));
  };

  const panHandlers = {
    onPointerDown: (event: ReactPointerEvent<HTMLDivElement>) => {
      const frame = (event.target as Element).closest("[data-compare-frame]");
      if (!frame || event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY, frame: frameSizeOf(frame) };
    },
    onPointerMove: (event: ReactPointerEvent<HTMLDivElement>) => {
      const current = drag.current;
      if (!current || current.id !== event.pointerId) return;
      const dx = event.clientX - current.x;
      const dy = event.clientY - current.y;
      drag.current = { ...current, x: event.clientX, y: event.clientY };
      setZoom((z) => pan(z, dx, dy, current.frame));
    },
    onPointerUp: () => {
      drag.current = null;
    },
    onPointerCancel: () => {
      drag.current = null;
    },
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title="Compare"
        description={ready ? "Drag to pan when zoomed in; the wheel zooms both images about the pointer." : undefined}
        className="inset-0 flex h-dvh max-h-dvh flex-col rounded-none sm:inset-0 sm:h-dvh sm:max-h-dvh sm:w-auto sm:max-w-none sm:translate-x-0 sm:translate-y-0 sm:rounded-none"
      >
        {!a || !b ? (
          <p className="text-sm text-muted-foreground">Both panes need an image to compare; wait until they have finished.</p>
        ) : (
          <div className="flex min-h-0 flex-1 flex-col gap-3">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <fieldset className="flex flex-wrap gap-1 rounded-lg bg-muted p-1">
                <legend className="sr-only">Comparison mode</legend>
                {modes.map((m) => (
                  <label
                    key={m.value}
                    className="inline-flex h-8 cursor-pointer items-center rounded-md px-3 text-sm font-medium text-muted-foreground has-checked:bg-card has-checked:text-foreground has-checked:shadow-xs has-focus-visible:ring-2 has-focus-visible:ring-ring"
                  >
                    <input
                      type="radio"
                      name="compare-mode"
                      value={m.value}
                      checked={mode === m.value}
                      onChange={() => setMode(m.value)}
                      className="sr-only"
                    />
                    {m.label}
                  </label>
                ))}
              </fieldset>
              <div className="flex items-center gap-1" role="group" aria-label="Zoom">
                <Button variant="outline" size="sm" onClick={() => stepAtCentre(-1)} disabled={zoom.scale <= 1} aria-label="Zoom out">
                  <Minus aria-hidden />
                </Button>
                <span className="w-14 text-center text-sm tabular-nums" aria-live="polite">
                  {Math.round(zoom.scale * 100)}%
                </span>
                <Button variant="outline" size="sm" onClick={() => stepAtCentre(1)} aria-label="Zoom in">
                  <Plus aria-hidden />
                </Button>
                <Button variant="ghost" size="sm" onClick={() => setZoom(identityZoom)} disabled={zoom.scale === 1} aria-label="Reset zoom">
                  <RotateCcw aria-hidden />
                </Button>
              </div>
            </div>

            {mode === "fade" && (
              <div className="flex items-center gap-3 text-sm">
                <label htmlFor={fadeId} className="shrink-0">
                  Fade to right
                </label>
                <input
                  id={fadeId}
                  type="range"
                  min={0}
                  max={100}
                  value={fade}
                  onChange={(event) => setFade(Number(event.target.value))}
                  aria-valuetext={`${fade}% right image`}
                  className="w-full max-w-sm accent-primary"
                />
                <span aria-hidden className="w-10 tabular-nums">
                  {fade}%
                </span>
              </div>
            )}
            {mode === "difference" && (
              <p className="text-sm text-muted-foreground">Black where the two images are identical; the brighter, the more they differ.</p>
            )}
            {(a.width !== b.width || a.height !== b.height) && (
              <p className="text-sm text-muted-foreground">
                Different sizes: {a.size} vs {b.size}, shown at the same scale of the frame.
              </p>
            )}

            <div
              ref={attachStage}
              {...panHandlers}
              className={cn(
                "min-h-0 flex-1",
                mode === "side-by-side" ? "grid grid-cols-1 grid-rows-2 gap-3 sm:grid-cols-2 sm:grid-rows-1" : "flex",
                zoom.scale > 1 ? "cursor-grab active:cursor-grabbing" : undefined,
              )}
            >
              {mode === "side-by-side" ? (
                <>
                  <Frame label={`Left: ${a.title}`}>
                    <Layer image={a} zoom={zoom} />
                    <Tag side="left">{a.title}</Tag>
                  </Frame>
                  <Frame label={`Right: ${b.title}`}>
                    <Layer image={b} zoom={zoom} />
                    <Tag side="left">{b.title}</Tag>
                  </Frame>
                </>
              ) : (
                <div className="h-full w-full">
                  <Frame>
                    <Layer image={a} zoom={zoom} />
                    {mode === "slider" && (
                      <>
                        <Layer image={b} zoom={zoom} style={{ clipPath: `inset(0 0 0 ${divider}%)` }} />
                        <Divider position={divider} onChange={setDivider} />
                      </>
                    )}
                    {mode === "fade" && <Layer image={b} zoom={zoom} style={{ opacity: fade / 100 }} />}
                    {mode === "difference" && <Layer image={b} zoom={zoom} style={{ mixBlendMode: "difference" }} />}
                    {mode === "slider" && (
                      <>
                        <Tag side="left">{a.title}</Tag>
                        <Tag side="right">{b.title}</Tag>
                      </>
                    )}
                  </Frame>
                </div>
              )}
            </div>
            <Caption left={a} right={b} />
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
