import { loadAmendment } from "@/components/orders/load-order";

// Checks the amendment exists on that order before the page streams, so a wrong address is a real 404.
export default async function AmendmentApprovalLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orderId: string; requestId: string }> }) {
  const { orderId, requestId } = await params;
  await loadAmendment(orderId, requestId);
  return children;
}
