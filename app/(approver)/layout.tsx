import { requireArea } from "@/lib/platform/auth/session";

// The approvals area: signed-out visitors go to the login page; users without the APPROVER role get a 404.
export default async function ApproverLayout({ children }: { children: React.ReactNode }) {
  await requireArea("approver");
  return children;
}
