import { requireArea } from "@/lib/platform/auth/session";

// The buyer area: signed-out visitors go to the login page; signed-in users without the BUYER role get a 404.
export default async function BuyerLayout({ children }: { children: React.ReactNode }) {
  await requireArea("buyer");
  return children;
}
