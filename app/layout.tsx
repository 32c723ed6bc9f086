import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { publicUrl } from "@/lib/env";
import { themeColors, themeScript } from "@/lib/site/theme";
import "./globals.css";

const description =
  "Pay-as-you-go access to FLUX.2, GPT Image, Ideogram and Qwen Image with one account, one prepaid balance and one API key.";

/** public/og.png: the logo mark, the name and the tag line, drawn once with sharp. */
const ogImage = { url: "/og.png", width: 1200, height: 630, alt: "Lumigate: one API for image-generation models" };

export const metadata: Metadata = {
  metadataBase: new URL(publicUrl),
  title: { default: "Lumigate: one API for image-generation models", template: "%s · Lumigate" },
  description,
  openGraph: { type: "website", siteName: "Lumigate", images: [ogImage] },
  twitter: { card: "summary_large_image", images: [ogImage.url] },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: themeColors.light },
    { media: "(prefers-color-scheme: dark)", color: themeColors.dark },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme on <html> before React hydrates, which React would report.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="flex min-h-dvh flex-col antialiased">
        <a
          href="#main"
          className="sr-only rounded-md bg-primary text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
        </Providers>
      </body>
    </html>
  );
}
