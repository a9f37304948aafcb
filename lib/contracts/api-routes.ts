import { z } from "zod";
import type { Permission } from "../auth/permissions.ts";
import { ListQuery } from "./common.ts";
import {
  AddNote,
  FulfillmentEvent,
  HistoryPage,
  IntakeOrder,
  InventoryAdjustment,
  InventoryQuery,
  ListOrdersQuery,
  OrderPage,
  OrderView,
  SupplyPage,
  SupplyView,
} from "./orders.ts";
import {
  CancellationPage,
  CancellationView,
  CompensationTaskPage,
  CompensationTaskQuery,
  CompensationTaskView,
  CompleteTask,
  CreateCancellationRequest,
  DecisionComment,
  FailTask,
  RejectionComment,
} from "./cancellations.ts";
import { ApprovalQuery, PendingApprovalPage } from "./approvals.ts";
import {
  AccountId,
  CreatePointsAccount,
  PointsAccountView,
  PointsCancellationResult,
  PointsDeposit,
  PointsDepositView,
  PointsPartialCancellation,
  PointsWithdrawal,
  PointsWithdrawalResult,
  PointsWithdrawalView,
  WithdrawTransactionId,
} from "./points.ts";

/**
 * The HTTP API as data. Route handlers validate with these schemas (lib/server/http/route.ts) and
 * the OpenAPI document is generated from the same definitions, so the two cannot drift.
 */
export interface ApiRouteDef {
  method: "GET" | "POST";
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
  /** Sets ETag from the response's `version` and accepts If-Match. */
  versioned?: boolean;
}

const OrderId = z.object({ orderId: z.string().min(1).max(100) });
const RequestId = OrderId.extend({ requestId: z.string().min(1).max(100) });
const TaskId = z.object({ taskId: z.string().min(1).max(100) });

export const API_ROUTES = {
  intakeOrder: {
    method: "POST",
    path: "/orders",
    tag: "Orders",
    summary: "Take in an order from a storefront",
    description:
      "Unknown SKUs are added to the catalogue; unknown store or location → 422; payments must add up to the order total → else 422.",
    permission: "order.intake",
    body: IntakeOrder,
    response: OrderView,
    status: 201,
    versioned: true,
  },
  listOrders: {
    method: "GET",
    path: "/orders",
    tag: "Orders",
    summary: "List orders visible to the caller",
    permission: "order.read",
    query: ListOrdersQuery,
    response: OrderPage,
    status: 200,
  },
  getOrder: {
    method: "GET",
    path: "/orders/{orderId}",
    tag: "Orders",
    summary: "Read one order with per-line quantities by bucket",
    permission: "order.read",
    params: OrderId,
    response: OrderView,
    status: 200,
    versioned: true,
  },
  getOrderHistory: {
    method: "GET",
    path: "/orders/{orderId}/history",
    tag: "Orders",
    summary: "The order's audit trail, oldest first",
    permission: "order.read",
    params: OrderId,
    query: ListQuery,
    response: HistoryPage,
    status: 200,
  },
  recordFulfillmentEvent: {
    method: "POST",
    path: "/orders/{orderId}/fulfillment-events",
    tag: "Fulfilment",
    summary: "Move units of lines one stage forward (ALLOCATE, RELEASE, PICK, PACK, SHIP, DELIVER)",
    description:
      "More units than the previous bucket holds, or not enough free inventory to ALLOCATE → 409 and nothing moves. Accepts If-Match.",
    permission: "order.fulfil",
    params: OrderId,
    body: FulfillmentEvent,
    response: OrderView,
    status: 200,
    versioned: true,
  },
  addOrderNote: {
    method: "POST",
    path: "/orders/{orderId}/notes",
    tag: "Orders",
    summary: "Add an internal or customer-visible note",
    permission: "order.note",
    params: OrderId,
    body: AddNote,
    response: z.object({ id: z.string(), body: z.string(), visibility: z.string(), createdAt: z.string(), orderVersion: z.number().int() }),
    status: 201,
  },
  adjustInventory: {
    method: "POST",
    path: "/inventory/adjustments",
    tag: "Inventory",
    summary: "Change on-hand stock of an item at a location",
    description: "Negative quantities are allowed down to the allocated amount, else 409.",
    permission: "inventory.adjust",
    body: InventoryAdjustment,
    response: SupplyView,
    status: 201,
  },
  listInventory: {
    method: "GET",
    path: "/inventory",
    tag: "Inventory",
    summary: "Supply rows (on hand, allocated, available)",
    permission: "inventory.read",
    query: InventoryQuery,
    response: SupplyPage,
    status: 200,
  },
  createCancellationRequest: {
    method: "POST",
    path: "/orders/{orderId}/cancellation-requests",
    tag: "Cancellations",
    summary: "Request cancellation of the whole order or N units of chosen lines",
    description:
      "The request is assessed and stored before anything changes. Without required approvals it executes at once (units → CANCELLED, inventory released, refund issued). Unknown reason code → 422; more than is still cancellable, nothing cancellable in place, or a line held by another active request → 409. Accepts If-Match.",
    permission: "cancellation.request",
    params: OrderId,
    body: CreateCancellationRequest,
    response: CancellationView,
    status: 201,
    versioned: true,
  },
  listCancellationRequests: {
    method: "GET",
    path: "/orders/{orderId}/cancellation-requests",
    tag: "Cancellations",
    summary: "The order's cancellation requests, newest first",
    permission: "order.read",
    params: OrderId,
    query: ListQuery,
    response: CancellationPage,
    status: 200,
  },
  getCancellationRequest: {
    method: "GET",
    path: "/orders/{orderId}/cancellation-requests/{requestId}",
    tag: "Cancellations",
    summary: "One cancellation request with its stored assessment, approvals, refunds and compensation tasks",
    permission: "order.read",
    params: RequestId,
    response: CancellationView,
    status: 200,
  },
  approveCancellationRequest: {
    method: "POST",
    path: "/orders/{orderId}/cancellation-requests/{requestId}/approve",
    tag: "Cancellations",
    summary: "Sign the pending approvals this user may sign (level ≥ task level, not the requester)",
    description: "None it may sign → 403. A request no longer pending → 409. When the last approval is signed the request executes.",
    permission: "approval.decide",
    params: RequestId,
    body: DecisionComment,
    response: CancellationView,
    status: 200,
  },
  rejectCancellationRequest: {
    method: "POST",
    path: "/orders/{orderId}/cancellation-requests/{requestId}/reject",
    tag: "Cancellations",
    summary: "Reject the request (comment required); its held units are released",
    permission: "approval.decide",
    params: RequestId,
    body: RejectionComment,
    response: CancellationView,
    status: 200,
  },
  withdrawCancellationRequest: {
    method: "POST",
    path: "/orders/{orderId}/cancellation-requests/{requestId}/withdraw",
    tag: "Cancellations",
    summary: "Withdraw a pending request (the requester or OPS)",
    permission: "cancellation.withdraw",
    params: RequestId,
    response: CancellationView,
    status: 200,
  },
  listApprovals: {
    method: "GET",
    path: "/approvals",
    tag: "Approvals",
    summary: "Pending approval tasks the key's user may sign (at or below their level, never their own requests), oldest first",
    description: "Filter by level and minimum order value. Sign them with the approve/reject endpoints of the request named by each task.",
    permission: "approval.decide",
    query: ApprovalQuery,
    response: PendingApprovalPage,
    status: 200,
  },
  listCompensationTasks: {
    method: "GET",
    path: "/compensation-tasks",
    tag: "Compensation",
    summary: "Compensation tasks the caller may act on (status OPEN by default)",
    permission: "compensation.work",
    query: CompensationTaskQuery,
    response: CompensationTaskPage,
    status: 200,
  },
  completeCompensationTask: {
    method: "POST",
    path: "/compensation-tasks/{taskId}/complete",
    tag: "Compensation",
    summary: "Confirm a manual task (recall from warehouse, return to stock) with evidence",
    description: "Not manual or not open → 409; another store's task → 404.",
    permission: "compensation.work",
    params: TaskId,
    body: CompleteTask,
    response: CompensationTaskView,
    status: 200,
  },
  failCompensationTask: {
    method: "POST",
    path: "/compensation-tasks/{taskId}/fail",
    tag: "Compensation",
    summary: "Report that a manual task could not be done; the request shows FAILED",
    permission: "compensation.work",
    params: TaskId,
    body: FailTask,
    response: CompensationTaskView,
    status: 200,
  },
  createPointsAccount: {
    method: "POST",
    path: "/points/accounts",
    tag: "Loyalty points",
    summary: "Open a points account for an owner (FIFO or EARLIEST_EXPIRY deduction order)",
    description: "One account per owner email: a second one → 409.",
    permission: "points.write",
    body: CreatePointsAccount,
    response: PointsAccountView,
    status: 201,
  },
  depositPoints: {
    method: "POST",
    path: "/points/accounts/{accountId}/deposits",
    tag: "Loyalty points",
    summary: "Deposit points into a program with an expiry date",
    description:
      "`expiresAt` is a date (the points expire at its start, UTC) and must be after `effectiveAt` (default now; set it to import history) → else 422.",
    permission: "points.write",
    params: AccountId,
    body: PointsDeposit,
    response: PointsDepositView,
    status: 201,
  },
  withdrawPoints: {
    method: "POST",
    path: "/points/accounts/{accountId}/withdrawals",
    tag: "Loyalty points",
    summary: "Withdraw points from the active deposits in the account's deduction order",
    description: "Allocations are listed in deduction order. Not enough active (effective, unexpired) points → 409 INSUFFICIENT_QUANTITY.",
    permission: "points.write",
    params: AccountId,
    body: PointsWithdrawal,
    response: PointsWithdrawalResult,
    status: 201,
  },
  cancelPointsWithdrawal: {
    method: "POST",
    path: "/points/partial-cancellations",
    tag: "Loyalty points",
    summary: "Give back points of a withdrawal in reverse deduction order, with extended expiry",
    description:
      "Creates one new deposit per consumed deposit it refunds (same program; expiry = cancellation day + the days the deposit had left at redemption), each carrying `sourceTransactionId`. More than cancelable → 409 OVER_REFUND; `effectiveAt` before the withdrawal → 422; unknown withdrawal → 404. The same `sourceTransactionId` and points again return the first result; with other points → 409.",
    permission: "points.write",
    body: PointsPartialCancellation,
    response: PointsCancellationResult,
    status: 201,
  },
  getPointsWithdrawal: {
    method: "GET",
    path: "/points/withdrawals/{withdrawTransactionId}",
    tag: "Loyalty points",
    summary: "A withdrawal's running totals and its consumed deposits in deduction order",
    description: "Needs scope `orders:read` or `points:write`. A buyer sees only their own withdrawals.",
    permission: "points.read",
    params: WithdrawTransactionId,
    response: PointsWithdrawalView,
    status: 200,
  },
} as const satisfies Record<string, ApiRouteDef>;

export type ApiRouteName = keyof typeof API_ROUTES;
