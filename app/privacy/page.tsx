import type { Metadata } from "next";
import { LegalPageView } from "@/components/site/legal-page-view";
import { loadLegalPage } from "@/lib/site/legal-pages";

export const metadata: Metadata = { title: "Privacy policy" };

export default async function PrivacyPage() {
  const page = await loadLegalPage("privacy");
  return <LegalPageView title={page.title} blocks={page.blocks} isDefault={page.source === "default"} />;
}
