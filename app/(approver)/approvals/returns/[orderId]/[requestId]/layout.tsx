import { loadReturn } from "@/components/returns/load-return";

// Checks the return exists on that order before the page streams, so a wrong address is a real 404.
export default async function ReturnApprovalLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orderId: string; requestId: string }> }) {
  const { orderId, requestId } = await params;
  await loadReturn(orderId, requestId);
  return children;
}
