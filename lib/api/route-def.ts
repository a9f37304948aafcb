import { z } from "zod";
import type { Permission } from "../platform/auth/permissions.ts";

/**
 * The HTTP API as data. Route handlers validate with these schemas (lib/api/route.ts) and
 * the OpenAPI document is generated from the same definitions, so the two cannot drift.
 */
export interface ApiRouteDef {
  method: "GET" | "POST" | "DELETE";
  path: string;
  summary: string;
  description?: string;
  tag: string;
  permission: Permission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status: number;
  /** An order read or command: sets ETag from the response's `version` and accepts If-Match. */
  versioned?: boolean;
  /** A command on an existing order that accepts If-Match (the order's version; `*` = any) and answers with ETag from `orderVersion`. */
  ifMatch?: boolean;
  /** A POST that only computes (a preview): stores nothing, so it needs no Idempotency-Key. */
  readOnly?: boolean;
  /** Fields of the answer never stored for idempotent replays (a secret shown once): a replay answers without them. */
  shownOnce?: readonly string[];
}

/** Path parameters shared by several routes. */
export const OrderId = z.object({ orderId: z.string().min(1).max(100) });
export const RequestId = OrderId.extend({ requestId: z.string().min(1).max(100) });
export const TaskId = z.object({ taskId: z.string().min(1).max(100) });
