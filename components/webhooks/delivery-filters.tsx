import { buttonClass } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/ui/field";

/** Filters of the delivery log (a GET form, so the filtered log has its own URL). */
export function DeliveryFilters({ webhookId, status, eventType, eventTypes }: { webhookId: string; status?: string; eventType?: string; eventTypes: readonly string[] }) {
  return (
    <form method="get" action={`/ops/webhooks/${webhookId}`} aria-label="Filter deliveries" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-0">
        <label htmlFor="delivery-status" className={labelClass}>
          Status
        </label>
        <select id="delivery-status" name="status" defaultValue={status ?? ""} className={inputClass}>
          <option value="">Any</option>
          <option value="PENDING">Pending</option>
          <option value="DELIVERED">Delivered</option>
          <option value="FAILED">Failed</option>
        </select>
      </div>
      <div className="min-w-0 max-w-full">
        <label htmlFor="delivery-event-type" className={labelClass}>
          Event type
        </label>
        <select id="delivery-event-type" name="eventType" defaultValue={eventType ?? ""} className={`${inputClass} max-w-full`}>
          <option value="">Any</option>
          {eventTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary", "md")}>
        Filter
      </button>
    </form>
  );
}
