import { z } from "zod";

// One neutral description of what failed in a body, in pydantic's words (BFL and fal are FastAPI
// services); each protocol renders it in its own error shape.

export type FieldProblem = {
  path: (string | number)[];
  /** pydantic's error type: missing, less_than_equal, multiple_of, enum, ... */
  type: string;
  msg: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
};

const integerMessage = "Input should be a valid integer";

/** z.int() whose type error says "integer": zod itself reports a string given for an int as "expected number". */
export function integer() {
  return z.int({ error: (issue) => (issue.code === "invalid_type" && issue.input !== undefined ? integerMessage : undefined) });
}

const typeNames: Record<string, [string, string]> = {
  int: ["int_type", "Input should be a valid integer"],
  number: ["float_type", "Input should be a valid number"],
  string: ["string_type", "Input should be a valid string"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  array: ["list_type", "Input should be a valid list"],
  object: ["dict_type", "Input should be a valid dictionary"],
};

const quoteList = (values: readonly unknown[]) => {
  const quoted = values.map((v) => (typeof v === "string" ? `'${v}'` : String(v)));
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}` : (quoted[0] ?? "");
};

function bound(issue: { origin?: string; inclusive?: boolean }, limit: number, upper: boolean): Omit<FieldProblem, "path"> {
  if (issue.origin === "string")
    return upper
      ? { type: "string_too_long", msg: `String should have at most ${limit} characters`, ctx: { max_length: limit } }
      : { type: "string_too_short", msg: `String should have at least ${limit} characters`, ctx: { min_length: limit } };
  if (issue.origin === "array")
    return upper
      ? { type: "too_long", msg: `List should have at most ${limit} items`, ctx: { max_length: limit } }
      : { type: "too_short", msg: `List should have at least ${limit} items`, ctx: { min_length: limit } };
  const inclusive = issue.inclusive !== false;
  const [type, words, key] = upper
    ? inclusive
      ? ["less_than_equal", "less than or equal to", "le"]
      : ["less_than", "less than", "lt"]
    : inclusive
      ? ["greater_than_equal", "greater than or equal to", "ge"]
      : ["greater_than", "greater than", "gt"];
  return { type, msg: `Input should be ${words} ${limit}`, ctx: { [key]: limit } };
}

function describe(issue: z.core.$ZodIssue): Omit<FieldProblem, "path">[] {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return [{ type: "missing", msg: "Field required" }];
      if (issue.message === integerMessage) return [{ type: "int_type", msg: integerMessage }];
      const [type, msg] = typeNames[issue.expected] ?? [`${issue.expected}_type`, `Input should be a valid ${issue.expected}`];
      return [{ type, msg }];
    }
    case "too_big":
      return [bound(issue, Number(issue.maximum), true)];
    case "too_small":
      return [bound(issue, Number(issue.minimum), false)];
    case "not_multiple_of":
      return [{ type: "multiple_of", msg: `Input should be a multiple of ${issue.divisor}`, ctx: { multiple_of: issue.divisor } }];
    case "invalid_value":
      return [{ type: "enum", msg: `Input should be ${quoteList(issue.values)}`, ctx: { expected: quoteList(issue.values) } }];
    case "invalid_format":
      return issue.format === "url"
        ? [{ type: "url_parsing", msg: "Input should be a valid URL" }]
        : [{ type: "string_pattern_mismatch", msg: issue.message }];
    case "unrecognized_keys":
      return issue.keys.map(() => ({ type: "extra_forbidden", msg: "Extra inputs are not permitted" }));
    case "custom":
      return [{ type: "value_error", msg: `Value error, ${issue.message}` }];
    default:
      return [{ type: "value_error", msg: issue.message }];
  }
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
    const input = issue.input;
    return describe(issue).map((problem, index) => ({
      ...problem,
      path: issue.code === "unrecognized_keys" ? [...path, issue.keys[index]!] : path,
      ...(input !== undefined && issue.code !== "unrecognized_keys" ? { input } : {}),
    }));
  });
}

/** FastAPI's 422 body (BFL, fal): `{"detail":[{"type","loc":["body",...],"msg","input","ctx"}]}`. */
export function fastApiDetail(problems: FieldProblem[]) {
  return problems.map((p) => ({
    type: p.type,
    loc: ["body", ...p.path],
    msg: p.msg,
    ...(p.input !== undefined ? { input: p.input } : {}),
    ...(p.ctx ? { ctx: p.ctx } : {}),
  }));
}

/** FastAPI's answer to a body that is not JSON. */
export const jsonDecodeDetail = [{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error", ctx: { error: "Expecting value" } }];

export const parseOptions = { reportInput: true } as const;
