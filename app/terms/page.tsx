import type { Metadata } from "next";
import { LegalPageView } from "@/components/site/legal-page-view";
import { loadLegalPage } from "@/lib/site/legal-pages";

export const metadata: Metadata = { title: "Terms of service" };

export default async function TermsPage() {
  const page = await loadLegalPage("terms");
  return <LegalPageView title={page.title} blocks={page.blocks} isDefault={page.source === "default"} />;
}
