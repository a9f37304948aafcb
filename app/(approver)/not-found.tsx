import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function ApproverNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Request not found</h1>
      <p className="mt-2 text-slate-600">This cancellation request does not exist, or it is not on that order.</p>
      <Link href="/approvals" className={buttonClass("primary", "md", "mt-6")}>
        Back to approvals
      </Link>
    </div>
  );
}
