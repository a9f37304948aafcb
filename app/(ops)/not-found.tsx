import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function OpsNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or you are not allowed to see it.</p>
      <Link href="/" className={buttonClass("primary", "md", "mt-6")}>
        Back to start
      </Link>
    </div>
  );
}
