import type { ExampleImage } from "@/lib/catalog/examples";
import { cn } from "@/lib/utils/cn";

/** A stable hue per name, so a family's placeholder looks the same on every page. */
function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

/**
 * A model's pinned example image, or a placeholder made from its name (the name on a gradient in the
 * name's own hue) so cards without one look intended. The name is always said next to it,
 * so the placeholder is decorative and the image's alternative text describes only the image.
 */
export function ExampleImageFrame({
  example,
  name,
  size = "card",
  className,
}: {
  example: ExampleImage | null | undefined;
  name: string;
  size?: "card" | "header";
  className?: string;
}) {
  const frame = cn("relative overflow-hidden bg-muted", size === "card" ? "aspect-[16/9]" : "aspect-square w-full", className);
  if (example) {
    return (
      <div className={frame}>
        {/* eslint-disable-next-line @next/next/no-img-element -- our own stored image; next/image would proxy it again */}
        <img
          src={size === "card" ? example.thumbnailUrl : example.url}
          width={example.width}
          height={example.height}
          alt={example.prompt ? `Example from ${name}: ${example.prompt}` : `Example image from ${name}`}
          loading={size === "card" ? "lazy" : "eager"}
          className="size-full object-cover"
        />
      </div>
    );
  }
  const hue = hueOf(name);
  return (
    <div
      aria-hidden
      className={cn(frame, "flex items-center justify-center")}
      style={{ backgroundImage: `linear-gradient(135deg, hsl(${hue} 65% 32%), hsl(${(hue + 50) % 360} 70% 20%))` }}
    >
      <span className={cn("px-6 text-center font-semibold tracking-tight text-balance text-white", size === "card" ? "text-3xl" : "text-4xl")}>{name}</span>
    </div>
  );
}
