import { requireArea } from "@/lib/platform/auth/session";

// The operations area: signed-out visitors go to the login page; users without the OPS role get a 404.
export default async function OpsLayout({ children }: { children: React.ReactNode }) {
  await requireArea("ops");
  return children;
}
