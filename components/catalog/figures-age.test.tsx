import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FiguresAgeNote } from "./figures-age";

const now = new Date("2026-12-02T12:00:00Z");
const text = (dates: Date[]) => renderToStaticMarkup(<FiguresAgeNote computedAt={dates} now={now} />).replace(/<[^>]+>/g, "");

describe("FiguresAgeNote", () => {
  it("tells the age of the oldest figures, and says plainly when they are over an hour old", () => {
    expect(text([new Date("2026-12-02T11:56:00Z"), new Date("2026-12-02T11:59:00Z")])).toBe("Figures from 4 minutes ago.");
    expect(text([new Date("2026-12-02T09:00:00Z")])).toBe(
      "Figures from 3 hours ago. They are more than an hour old: the worker that recomputes them every 5 minutes may not be running.",
    );
    expect(text([])).toMatch(/^No live figures yet/);
  });
});
