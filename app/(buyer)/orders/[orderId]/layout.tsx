import { loadOrder } from "@/components/orders/load-order";

// Checks access before the page's loading boundary starts streaming, so an order that is not the
// buyer's answers with a real 404 status (the page then reuses the same cached read).
export default async function BuyerOrderLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orderId: string }> }) {
  await loadOrder((await params).orderId);
  return children;
}
