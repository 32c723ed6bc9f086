"use server";

import { headers } from "next/headers";
import { publicAction, signUpFromAddress } from "@/lib/auth";
import { signUpInput } from "@/lib/auth/schemas";
import { clientAddress } from "@/lib/ratelimit";

export const signUp = publicAction(signUpInput, async (input) => {
  return signUpFromAddress(input, clientAddress(await headers()));
});
