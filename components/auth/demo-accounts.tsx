import { Badge, type Tone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";

export interface DemoAccount {
  email: string;
  name: string;
  roles: string[];
  level?: string;
}

const ROLE_TONES: Record<string, Tone> = { BUYER: "blue", SELLER: "green", APPROVER: "amber", OPS: "violet" };

/** Demo mode's accounts, each with its roles and a button that fills the sign-in form with it. */
export function DemoAccounts({ id, accounts, password, onUse }: { id: string; accounts: DemoAccount[]; password: string | null; onUse: (account: DemoAccount) => void }) {
  return (
    <section aria-labelledby={`${id}-demo`} className="lg:col-span-3">
      <div className="rounded-lg border border-amber-200 bg-amber-50/60 p-6">
        <h2 id={`${id}-demo`} className="text-base font-semibold text-slate-900">
          Demo accounts
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Demo mode is on. Every demo account uses the password <code className="rounded bg-white px-1 font-mono">{password}</code>. Choose
          one to fill in the form.
        </p>
        <ul className="mt-4 divide-y divide-amber-200/70">
          {accounts.map((a) => (
            <li key={a.email} className="flex flex-wrap items-center justify-between gap-3 py-2.5">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-slate-900">{a.name}</p>
                <p className="truncate font-mono text-xs text-slate-600">{a.email}</p>
              </div>
              <div className="ml-auto flex flex-wrap items-center gap-2">
                {a.roles.map((r) => (
                  <Badge key={r} tone={ROLE_TONES[r] ?? "gray"}>
                    {r.toLowerCase()}
                    {r === "APPROVER" && a.level ? ` · ${a.level.toLowerCase()}` : ""}
                  </Badge>
                ))}
                <button type="button" onClick={() => onUse(a)} aria-label={`Use ${a.email}`} className={buttonClass("secondary", "sm")}>
                  Use
                </button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
