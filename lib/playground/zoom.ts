// Zoom and pan for the compare viewer: one transform shared by both images, so they stay aligned.
// Browser-safe and pure. The transform is `translate(x, y) scale(scale)` about the frame's top-left corner,
// in CSS pixels of the frame.

export type ZoomState = { scale: number; x: number; y: number };
export type FrameSize = { width: number; height: number };

export const MIN_SCALE = 1;
export const MAX_SCALE = 8;
/** One button press or wheel notch multiplies or divides the scale by this. */
export const ZOOM_STEP = 1.25;

export const identityZoom: ZoomState = { scale: 1, x: 0, y: 0 };

const clampNumber = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Keeps the scaled content covering the frame: at scale s the content is s times the frame, so the
 * offset stays between (1 - s) * size and 0 and no empty band opens at an edge.
 */
export function clampZoom(state: ZoomState, frame: FrameSize): ZoomState {
  const scale = clampNumber(state.scale, MIN_SCALE, MAX_SCALE);
  return {
    scale,
    x: clampNumber(state.x, (1 - scale) * frame.width, 0),
    y: clampNumber(state.y, (1 - scale) * frame.height, 0),
  };
}

/** Scales to `scale` while the content point under `point` (frame coordinates) stays under it. */
export function zoomAt(state: ZoomState, scale: number, point: { x: number; y: number }, frame: FrameSize): ZoomState {
  const next = clampNumber(scale, MIN_SCALE, MAX_SCALE);
  const ratio = next / state.scale;
  return clampZoom({ scale: next, x: point.x - (point.x - state.x) * ratio, y: point.y - (point.y - state.y) * ratio }, frame);
}

/** One step in (direction 1) or out (-1) about `point`; the buttons pass the frame's centre. */
export function zoomStep(state: ZoomState, direction: 1 | -1, point: { x: number; y: number }, frame: FrameSize): ZoomState {
  return zoomAt(state, state.scale * ZOOM_STEP ** direction, point, frame);
}

/** Moves the content by a drag of (dx, dy) pixels. */
export function pan(state: ZoomState, dx: number, dy: number, frame: FrameSize): ZoomState {
  return clampZoom({ scale: state.scale, x: state.x + dx, y: state.y + dy }, frame);
}

/** The wheel's direction as a zoom step: scrolling up (negative deltaY) zooms in. */
export function wheelDirection(deltaY: number): 1 | -1 | 0 {
  return deltaY < 0 ? 1 : deltaY > 0 ? -1 : 0;
}

/** The CSS transform for `state`, with `transform-origin: 0 0`. */
export function zoomTransform(state: ZoomState): string {
  return `translate(${state.x}px, ${state.y}px) scale(${state.scale})`;
}
