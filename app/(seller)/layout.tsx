import { requireArea } from "@/lib/platform/auth/session";

// The store area for sellers (own stores) and operations (all stores); others get a 404.
export default async function SellerLayout({ children }: { children: React.ReactNode }) {
  await requireArea("seller");
  return children;
}
