import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function SellerNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Order not found</h1>
      <p className="mt-2 text-slate-600">This order does not exist, or none of its lines belong to your stores.</p>
      <Link href="/seller/orders" className={buttonClass("primary", "md", "mt-6")}>
        Back to store orders
      </Link>
    </div>
  );
}
