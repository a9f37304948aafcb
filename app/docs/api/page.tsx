import type { Metadata } from "next";
import { openApiDocument } from "@/lib/api/openapi";
import { groupByTag, operationsOf, slug, type OpenApiDoc } from "@/lib/ui/openapi-view";
import { envelopeRows, eventViews } from "@/lib/ui/event-catalog-view";
import { OperationCard } from "@/components/docs/operation-card";
import { Code } from "@/components/docs/code";
import { ContentsNav } from "@/components/docs/contents-nav";
import { ConventionsSection } from "@/components/docs/conventions";
import { EventsSection } from "@/components/docs/events-section";
import { WebhooksSection } from "@/components/docs/webhooks-section";
import { ErrorCodesSection } from "@/components/docs/error-codes-section";
import { InlineCode } from "@/components/docs/inline-code";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API reference" };

const OPENAPI_URL = "/api/v1/openapi.json";

export default function ApiReferencePage() {
  const doc = openApiDocument() as OpenApiDoc;
  const basePath = doc.servers?.[0]?.url ?? "/api/v1";
  const groups = groupByTag(operationsOf(doc));
  const events = eventViews();

  return (
    <div className="lg:grid lg:grid-cols-[14rem_1fr] lg:gap-10">
      <ContentsNav groups={groups} events={events} />

      <div className="min-w-0">
        <PageHeader
          title="API reference"
          eyebrow={`${doc.info?.title ?? "Countermand API"} · version ${doc.info?.version ?? "1"}`}
          description={
            <>
              {doc.info?.description && <InlineCode text={doc.info.description} />} Base path <Code>{basePath}</Code>. The machine-readable
              OpenAPI 3.1 document is at{" "}
              <a href={OPENAPI_URL} className="font-medium text-indigo-700 underline">
                {OPENAPI_URL}
              </a>
              .
            </>
          }
        />

        <ConventionsSection basePath={basePath} />

        {groups.map(([tag, ops]) => (
          <section key={tag} id={`tag-${slug(tag)}`} aria-labelledby={`tag-${slug(tag)}-title`} className="mt-10 scroll-mt-6">
            <h2 id={`tag-${slug(tag)}-title`} className="mb-4 text-xl font-bold tracking-tight">
              {tag}
            </h2>
            <div className="space-y-4">
              {ops.map((op) => (
                <OperationCard key={op.operationId} op={op} basePath={basePath} />
              ))}
            </div>
          </section>
        ))}

        <WebhooksSection />

        <EventsSection events={events} envelope={envelopeRows()} />

        <ErrorCodesSection />
      </div>
    </div>
  );
}
