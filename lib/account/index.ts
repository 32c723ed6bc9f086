import "server-only";

export { deleteAccount, type DeletedAccount } from "./delete";
export { accountExportStream } from "./export";
export { LEDGER_RETENTION_YEARS } from "./retention";
export { deleteAccountInput, type DeleteAccountInput } from "./schemas";
