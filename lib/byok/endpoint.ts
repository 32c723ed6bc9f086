import "server-only";
import { endpointFor, type ResolvedEndpoint } from "@/lib/providers/endpoints";
import { ownCredential } from "./credentials";

type SubmittedTask = { accountId: string; providerSlug: string | null; simulated: boolean; byokUsed: boolean };

/**
 * Where a submitted task's upstream is and as whom to ask it: with the account's own credential
 * when the job was submitted with it. `problem` says why that credential is no longer usable.
 */
export async function submittedEndpoint(task: SubmittedTask): Promise<{ resolved: ResolvedEndpoint | null; problem?: string }> {
  if (!task.providerSlug) return { resolved: null };
  if (!task.byokUsed) return { resolved: endpointFor(task.providerSlug, task.simulated) };
  const own = await ownCredential(task.accountId, task.providerSlug);
  if ("problem" in own) return { resolved: null, problem: own.problem };
  return { resolved: endpointFor(task.providerSlug, task.simulated, own.secret) };
}
