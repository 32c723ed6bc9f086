import { exportAccountTransactions, getCurrentUser } from "@/lib/auth";
import { parseTransactionQuery } from "@/lib/billing";

// GET /dashboard/billing/transactions/export – the signed-in account's ledger as CSV, with the page's filters.
export async function GET(req: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) {
    return new Response("Your session has ended. Sign in again to export your transactions.\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const { filters } = parseTransactionQuery(Object.fromEntries(new URL(req.url).searchParams));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportAccountTransactions(user, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="lumigate-transactions-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
