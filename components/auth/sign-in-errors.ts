// next-auth reports failures as codes in `?error=`; these are the ones a person can meet here.
const messages: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account. Check both and try again.",
  OAuthAccountNotLinked:
    "This email already has a Lumigate account that signs in another way. Use your password or an email link.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  EmailSignin: "We couldn't send a sign-in email to that address. Check it and try again.",
  OAuthSignin: "GitHub sign-in didn't start. Try again.",
  OAuthCallback: "GitHub sign-in didn't complete. Try again.",
  OAuthCreateAccount: "We couldn't create your account from GitHub. Try again, or sign up with your email.",
  Callback: "Sign-in didn't complete. Try again.",
  AccessDenied: "That sign-in was refused.",
  SessionRequired: "Sign in to continue.",
};

const fallback = "Sign-in didn't work. Try again.";

/**
 * A message for an error code from the URL. Unknown text is not shown as is: anyone can put text
 * in a link to this page.
 */
export function signInErrorFromUrl(code: string): string {
  return messages[code] ?? fallback;
}

/** A message for a sign-in result from our own server, whose free text (rate limits) is ours to show. */
export function signInErrorFromResult(code: string | null | undefined): string {
  if (!code) return fallback;
  return messages[code] ?? code;
}
