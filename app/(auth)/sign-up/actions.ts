"use server";

import { headers } from "next/headers";
import { assertSignUpAllowed, clientIp, createUserWithAccount, publicAction } from "@/lib/auth";
import { signUpInput } from "@/lib/auth/schemas";

export const signUp = publicAction(signUpInput, async (input) => {
  await assertSignUpAllowed(clientIp((await headers()).get("x-forwarded-for")));
  await createUserWithAccount(input);
  return null;
});
