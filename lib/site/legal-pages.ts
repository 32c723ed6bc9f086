import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Block } from "@/lib/docs/blocks";
import { env } from "@/lib/env";
import { parseMarkdown } from "./markdown";

export type LegalPageName = "terms" | "privacy";

export type LegalPage = {
  title: string;
  blocks: Block[];
  /** "default" until the operator writes DATA_DIR/pages/<name>.md. */
  source: "operator" | "default";
};

const titles: Record<LegalPageName, string> = { terms: "Terms of service", privacy: "Privacy policy" };

function defaults(name: LegalPageName, setting: string): string {
  const note = `These are Lumigate's default ${name === "terms" ? "terms" : "privacy notes"}: the operator of this instance has not published their own yet. They do so by writing \`${setting}\` (Markdown).`;
  if (name === "terms") {
    return `${note}

## The service
This instance of Lumigate is run by its operator, not by the Lumigate project. It gives access to image-generation models from several providers through one account, one prepaid balance and one API key.

## Your account
- Keep your password and API keys secret; you are responsible for what is done with them.
- Prices are shown per image before you run a model. Each task is charged from your prepaid balance when it succeeds; failed tasks are not charged.
- Do not use the service to generate content that is illegal where you or the operator are, or that the providers' own terms forbid.

## Ending
You can delete your account at any time in [Settings](/dashboard/settings). The ledger of payments and charges is kept as bookkeeping law requires. Ask the operator about refunds of a remaining balance.`;
  }
  return `${note}

## What is stored
- Your email address, name (if given) and a hash of your password; sign-in links and sessions while they are valid.
- Your API keys' names, starts and settings (never the keys themselves), your spend caps and your prepaid balance with its ledger.
- Each task's model, prompt and settings, and the images it made, which are deleted after the instance's retention period.
- Card payments go through Stripe; this instance stores only the card's brand and last four digits.

## Who sees it
Prompts and input images are sent to the model's provider to run the task. The operator can see your account and its tasks to run and support the service.

## Your choices
In [Settings](/dashboard/settings) you can download all of your data as JSON, or delete your account: your personal data, prompts and images are erased; the ledger stays, without your name or email, as bookkeeping law requires.`;
}

/** The operator's text for a legal page, or the neutral default that says it is one. */
export async function loadLegalPage(name: LegalPageName): Promise<LegalPage> {
  const file = path.resolve(env.DATA_DIR, "pages", `${name}.md`);
  const setting = `DATA_DIR/pages/${name}.md`;
  let source: string | null = null;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") console.error(`[site] cannot read ${file}`, error);
  }
  const fromOperator = source !== null && source.trim() !== "";
  const page = parseMarkdown(fromOperator ? source! : defaults(name, setting));
  return { title: page.title ?? titles[name], blocks: page.blocks, source: fromOperator ? "operator" : "default" };
}
