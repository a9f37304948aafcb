import { loadOrder } from "@/components/orders/load-order";

// Checks the order is within the seller's stores before the pages below stream, so an order out
// of reach answers with a real 404 status; the pages reuse the same cached read.
export default async function SellerOrderLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orderId: string }> }) {
  await loadOrder((await params).orderId);
  return children;
}
