import type { DocumentedPath } from "@/lib/http/openapi";
import * as balance from "../account/balance/route";
import * as credit from "../chat/credit/route";
import * as downloadUrl from "../common/download-url/route";
import * as edits from "../images/edits/route";
import * as generations from "../images/generations/route";
import * as cancel from "../jobs/cancel/route";
import * as createTask from "../jobs/createTask/route";
import * as recordInfo from "../jobs/recordInfo/route";
import * as jobs from "../jobs/route";
import * as model from "../models/[...id]/route";
import * as models from "../models/route";
import * as usage from "../usage/route";

// Every route under /api/v1, as its own apiRoute spec describes it (openapi.test.ts checks the
// list against the files both ways).
export const documentedPaths: DocumentedPath[] = [
  { path: "/api/v1/jobs/createTask", methods: createTask },
  { path: "/api/v1/jobs/recordInfo", methods: recordInfo },
  { path: "/api/v1/jobs/cancel", methods: cancel },
  { path: "/api/v1/jobs", methods: jobs },
  { path: "/api/v1/common/download-url", methods: downloadUrl },
  { path: "/api/v1/chat/credit", methods: credit },
  { path: "/api/v1/account/balance", methods: balance },
  { path: "/api/v1/usage", methods: usage },
  { path: "/api/v1/images/generations", methods: generations },
  { path: "/api/v1/images/edits", methods: edits },
  { path: "/api/v1/models", methods: models },
  { path: "/api/v1/models/{id}", methods: model },
];
