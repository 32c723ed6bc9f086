"use client";

import Script from "next/script";
import { useRef, useState } from "react";

type ScalarGlobal = { createApiReference(el: HTMLElement, config: Record<string, unknown>): unknown };

/**
 * Scalar's reference, mounted from the bundle this server serves. Every option that would reach
 * another host is off: default fonts, the CORS proxy, the AI agent, telemetry.
 */
export function ApiReference({ scriptSrc, specUrl }: { scriptSrc: string; specUrl: string }) {
  const mount = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const start = () => {
    const scalar = (window as unknown as { Scalar?: ScalarGlobal }).Scalar;
    // onReady runs again on every client-side visit; the reference is created once per mount.
    if (!scalar || !mount.current || mount.current.dataset.mounted) return;
    mount.current.dataset.mounted = "true";
    setState("ready");
    scalar.createApiReference(mount.current, {
      url: specUrl,
      withDefaultFonts: false,
      proxyUrl: "",
      agent: { disabled: true },
      telemetry: false,
      hideClientButton: true,
      showDeveloperTools: "never",
      defaultOpenAllTags: true,
      hideModels: false,
      metaData: { title: "Lumigate API reference" },
      // Its sidebar sticks below the site's own sticky header rather than under it.
      customCss: ".scalar-app { --scalar-custom-header-height: 3.5rem; }",
    });
  };
  return (
    <>
      {state !== "ready" && (
        <p role="status" className="mx-auto max-w-6xl px-4 py-10 text-sm text-muted-foreground sm:px-6">
          {state === "loading" ? (
            "Loading the API reference…"
          ) : (
            <>
              The reference viewer did not load. The same content is in{" "}
              <a href={specUrl} className="font-medium text-primary underline underline-offset-2">
                the OpenAPI document
              </a>
              .
            </>
          )}
        </p>
      )}
      <div ref={mount} className="min-h-[60vh]" />
      <Script src={scriptSrc} strategy="afterInteractive" onReady={start} onError={() => setState("failed")} />
    </>
  );
}
