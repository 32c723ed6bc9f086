"use server";

import { headers } from "next/headers";
import { assertSignUpAllowed, createUserWithAccount, publicAction } from "@/lib/auth";
import { signUpInput } from "@/lib/auth/schemas";
import { clientAddress } from "@/lib/http";

export const signUp = publicAction(signUpInput, async (input) => {
  await assertSignUpAllowed(clientAddress(await headers()));
  await createUserWithAccount(input);
  return null;
});
