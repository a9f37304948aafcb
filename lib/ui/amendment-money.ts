// What an amendment costs or gives back, in the three amounts pages show: its own charge, its own
// refund (a lower price), and the refund for units a decrease cancels (computed by the
// cancellation engine and carried per line, not in the amendment's own refund).
interface ImpactLike {
  charge: number;
  refund: number;
  lines: readonly { cancellation: { refund: { total: number } | null } | null }[];
}

export function amendmentMoney(impact: ImpactLike): { charge: number; refund: number; cancelledRefund: number } {
  const cancelledRefund = impact.lines.reduce((sum, l) => sum + (l.cancellation?.refund?.total ?? 0), 0);
  return { charge: impact.charge, refund: impact.refund, cancelledRefund };
}
