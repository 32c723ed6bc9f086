import { describe, expect, it } from "vitest";
import { clampZoom, identityZoom, MAX_SCALE, pan, wheelDirection, zoomAt, zoomStep, zoomTransform } from "./zoom";

const frame = { width: 800, height: 600 };

/** Where the content point `c` (unscaled frame coordinates) is drawn under `state`. */
const drawnAt = (state: { scale: number; x: number; y: number }, c: { x: number; y: number }) => ({
  x: state.x + c.x * state.scale,
  y: state.y + c.y * state.scale,
});

describe("clampZoom", () => {
  it.each([
    ["scale below 1 snaps back to 1 and the offset to 0", { scale: 0.5, x: 40, y: -20 }, { scale: 1, x: 0, y: 0 }],
    ["scale above the maximum stops at it", { scale: 20, x: 0, y: 0 }, { scale: MAX_SCALE, x: 0, y: 0 }],
    ["a positive offset would open a band at the top-left", { scale: 2, x: 50, y: 10 }, { scale: 2, x: 0, y: 0 }],
    ["an offset past the far edge stops at (1 - s) * size", { scale: 2, x: -5000, y: -5000 }, { scale: 2, x: -800, y: -600 }],
    ["an offset in range is kept", { scale: 3, x: -100, y: -250 }, { scale: 3, x: -100, y: -250 }],
  ])("%s", (_name, input, expected) => {
    expect(clampZoom(input, frame)).toEqual(expected);
  });
});

describe("zoomAt", () => {
  it("keeps the content point under the cursor where it was", () => {
    const cursor = { x: 200, y: 150 };
    const zoomed = zoomAt(identityZoom, 2, cursor, frame);
    expect(zoomed.scale).toBe(2);
    // The point under the cursor before (content 200,150 at scale 1) is still drawn under it.
    expect(drawnAt(zoomed, { x: 200, y: 150 })).toEqual(cursor);
  });

  it("keeps the point fixed across two zooms about different points", () => {
    const first = zoomAt(identityZoom, 2, { x: 400, y: 300 }, frame);
    const contentUnder = { x: (600 - first.x) / first.scale, y: (100 - first.y) / first.scale };
    const second = zoomAt(first, 4, { x: 600, y: 100 }, frame);
    const drawn = drawnAt(second, contentUnder);
    expect(drawn.x).toBeCloseTo(600);
    expect(drawn.y).toBeCloseTo(100);
  });

  it("zooming out to 1 returns to the identity from anywhere", () => {
    const zoomed = zoomAt(identityZoom, 5, { x: 700, y: 500 }, frame);
    expect(zoomAt(zoomed, 1, { x: 10, y: 10 }, frame)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it("clamps a zoom about a corner so the content still covers the frame", () => {
    const zoomed = zoomAt({ scale: 4, x: -2400, y: -1800 }, 2, { x: 0, y: 0 }, frame);
    expect(zoomed).toEqual({ scale: 2, x: -800, y: -600 });
  });
});

describe("zoomStep, pan, wheel", () => {
  it("a step in then a step out about the centre comes back", () => {
    const centre = { x: 400, y: 300 };
    const back = zoomStep(zoomStep(identityZoom, 1, centre, frame), -1, centre, frame);
    expect(back.scale).toBeCloseTo(1);
    expect(back.x).toBeCloseTo(0);
    expect(back.y).toBeCloseTo(0);
  });

  it("a step out at scale 1 stays at 1", () => {
    expect(zoomStep(identityZoom, -1, { x: 400, y: 300 }, frame)).toEqual(identityZoom);
  });

  it("pans by the drag and stops at the edges", () => {
    const zoomed = { scale: 2, x: -400, y: -300 };
    expect(pan(zoomed, 100, -50, frame)).toEqual({ scale: 2, x: -300, y: -350 });
    expect(pan(zoomed, 1000, 1000, frame)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(pan(identityZoom, 30, 30, frame)).toEqual(identityZoom);
  });

  it("wheel up zooms in, down zooms out, a sideways scroll does nothing", () => {
    expect([wheelDirection(-120), wheelDirection(3), wheelDirection(0)]).toEqual([1, -1, 0]);
  });

  it("renders the CSS transform", () => {
    expect(zoomTransform({ scale: 2, x: -10, y: -20.5 })).toBe("translate(-10px, -20.5px) scale(2)");
  });
});
