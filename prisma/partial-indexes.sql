-- Indexes the Prisma schema language cannot state, created by the migrations and checked by
-- tests/integration/migrations.test.ts. The same statements run on SQLite and PostgreSQL.

-- At most one in-flight order per asset (SPEC §7).
CREATE UNIQUE INDEX "asset_claims_one_in_flight" ON "asset_claims"("assetId") WHERE "active";
