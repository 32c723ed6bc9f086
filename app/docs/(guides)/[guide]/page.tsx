import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GuideView } from "@/components/docs/guide-view";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { findGuide } from "@/lib/http/guides";

type Props = { params: Promise<{ guide: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const guide = findGuide((await params).guide, "");
  return guide ? { title: guide.title, description: guide.summary } : { title: "Guide not found" };
}

export default async function GuidePage({ params }: Props) {
  const guide = findGuide((await params).guide, await requestBaseUrl());
  if (!guide) notFound();
  return <GuideView guide={guide} />;
}
