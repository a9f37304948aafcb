import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/platform/db/client";
import { requireRole } from "@/lib/platform/auth/session";
import { SCOPES } from "@/lib/platform/auth/permissions";
import { env } from "@/lib/platform/config/env";
import { listApiKeys } from "@/lib/modules/api-keys/server/api-keys";
import { firstParam } from "@/lib/ui/paging";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("OPS");
  const cursor = firstParam((await searchParams).cursor);
  const [page, users] = await Promise.all([
    listApiKeys(db(), actor, { limit: 50, cursor: cursor && cursor.length <= 200 ? cursor : undefined, status: "ALL" }),
    db().user.findMany({ select: { email: true }, orderBy: { email: "asc" }, take: 500 }),
  ]);
  return (
    <>
      <PageHeader title="API keys" description="Keys let storefronts, warehouses and other systems call the API as a user, narrowed by scopes. A key is shown once; only its hash is stored." />
      <Card title="New key" titleId="new-key" className="mb-6">
        <CreateApiKeyForm action={createApiKeyAction} scopes={SCOPES} userEmails={users.map((u) => u.email)} defaultRate={env().API_RATE_LIMIT_PER_MINUTE} />
      </Card>
      {page.items.length === 0 ? (
        <EmptyState title="No API keys yet">Create one above, or with npm run apikey -- create.</EmptyState>
      ) : (
        <ApiKeyTable keys={page.items} revokeAction={revokeApiKeyAction} />
      )}
      <div className="mt-4 flex gap-2">
        {cursor && <Link href="/ops/api-keys" className={buttonClass("secondary", "sm")}>Newest</Link>}
        {page.nextCursor && <Link href={`/ops/api-keys?cursor=${encodeURIComponent(page.nextCursor)}`} className={buttonClass("secondary", "sm")}>Older keys</Link>}
      </div>
    </>
  );
}
