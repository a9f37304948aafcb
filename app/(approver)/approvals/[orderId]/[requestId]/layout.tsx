import { loadCancellation } from "@/components/orders/load-order";

// Checks the request exists on that order before the page's loading boundary streams, so a wrong
// address answers with a real 404 status (the page then reuses the same cached read).
export default async function ApprovalRequestLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orderId: string; requestId: string }> }) {
  const { orderId, requestId } = await params;
  await loadCancellation(orderId, requestId);
  return children;
}
