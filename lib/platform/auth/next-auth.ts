import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import bcrypt from "bcryptjs";
import { authSecret, env } from "../config/env.ts";
import { db } from "../db/client.ts";
import { clearLoginFailures, loginBlockedFor, loginRateLimitedError, recordLoginFailure } from "./login-throttle.ts";

// Without NEXTAUTH_URL, next-auth derives its origin from the request, so PORT can move freely.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

async function checkPassword(email: string, password: string) {
  if (!env().DEMO_MODE && email.endsWith("@demo.test")) return null;
  const user = await db().user.findUnique({ where: { email } });
  if (!user?.passwordHash || !(await bcrypt.compare(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** The client address of a sign-in (first x-forwarded-for hop, as the API reads it). */
function signInIp(headers: Record<string, unknown> | undefined): string {
  const pick = (name: string) => (typeof headers?.[name] === "string" ? (headers[name] as string) : "");
  return pick("x-forwarded-for").split(",")[0]?.trim() || pick("x-real-ip") || "unknown";
}

export const authOptions: NextAuthOptions = {
  // A getter: the secret is resolved on first use at run time, not while the app is being built.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email?.trim().toLowerCase();
        const password = credentials?.password ?? "";
        if (!email || !password) return null;
        const ip = signInIp(req?.headers);
        const wait = await loginBlockedFor(ip, email);
        if (wait > 0) throw loginRateLimitedError(wait);
        const user = await checkPassword(email, password);
        if (!user) {
          await recordLoginFailure(ip, email);
          return null;
        }
        await clearLoginFailures(ip, email);
        return user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
};
