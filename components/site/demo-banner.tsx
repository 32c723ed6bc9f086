import { cookies } from "next/headers";
import { anyRealUpstream } from "@/lib/providers/endpoints";
import { DEMO_BANNER_COOKIE } from "./demo-banner-cookie";
import { DismissibleBanner } from "./dismissible-banner";

const envClass = "rounded bg-background/60 px-1 py-0.5 font-mono text-[12px]";
const credentials = ["BFL_API_KEY", "FAL_KEY", "REPLICATE_API_TOKEN", "OPENAI_API_KEY"];

/**
 * Site-wide while no real upstream credential is configured. Read per request (cookies() makes it
 * dynamic), so a page prerendered at build time never shows the build machine's configuration.
 */
export async function DemoBanner() {
  const dismissed = (await cookies()).has(DEMO_BANNER_COOKIE);
  if (dismissed || anyRealUpstream()) return null;
  return (
    <DismissibleBanner label="Demo mode">
      <p>
        <strong className="font-semibold">Demo mode:</strong> no upstream provider is configured, so every image comes
        from the built-in simulator (placeholders, charged as usual on live keys). Set{" "}
        {credentials.map((name, i) => (
          <span key={name}>
            {i > 0 && (i === credentials.length - 1 ? " or " : ", ")}
            <code className={envClass}>{name}</code>
          </span>
        ))}{" "}
        to serve real models.
      </p>
    </DismissibleBanner>
  );
}
