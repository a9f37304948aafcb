import type { OrderViewT } from "@/lib/modules/orders/contracts/orders";
import { countryName, formatDeliveryWindow } from "@/lib/ui/format";
import { Card } from "@/components/ui/card";

type DeliveryFields = Pick<OrderViewT, "shippingAddress" | "contact" | "deliveryNote" | "deliveryWindow">;

/** Where the order goes, whom the carrier calls, when it is wanted and the note for the carrier. */
export function DeliveryDetails({ order }: { order: DeliveryFields }) {
  const { shippingAddress: a, contact: c, deliveryNote, deliveryWindow } = order;
  const empty = !a && !c && !deliveryNote && !deliveryWindow;
  return (
    <Card title="Delivery" titleId="delivery">
      {empty ? (
        <p className="text-sm text-slate-600">No delivery details.</p>
      ) : (
        <dl className="space-y-3 text-sm">
          {a && (
            <Detail label="Ship to">
              <address className="not-italic">
                {a.name}
                <br />
                {a.line1}
                {a.line2 && (
                  <>
                    <br />
                    {a.line2}
                  </>
                )}
                <br />
                {[a.city, a.region].filter(Boolean).join(", ")} {a.postalCode}
                <br />
                {countryName(a.country)}
              </address>
            </Detail>
          )}
          {c && (
            <Detail label="Contact">
              {c.name}
              <br />
              <a href={`mailto:${c.email}`} className="text-indigo-700 hover:underline">
                {c.email}
              </a>
              {c.phone && (
                <>
                  <br />
                  <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`} className="text-indigo-700 hover:underline">
                    {c.phone}
                  </a>
                </>
              )}
            </Detail>
          )}
          {deliveryWindow && (
            <Detail label="Delivery window">
              <time dateTime={deliveryWindow.from}>{formatDeliveryWindow(deliveryWindow)}</time>
            </Detail>
          )}
          {deliveryNote && (
            <Detail label="Note for the carrier">
              <span className="whitespace-pre-line">{deliveryNote}</span>
            </Detail>
          )}
        </dl>
      )}
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
