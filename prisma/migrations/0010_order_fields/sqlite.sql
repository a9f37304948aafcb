-- Orders carry what amendments change (SPEC §6): shipping address, contact, delivery note and
-- requested delivery window. Every column may be null; existing orders keep none of them.

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "contactEmail" TEXT;
ALTER TABLE "orders" ADD COLUMN "contactName" TEXT;
ALTER TABLE "orders" ADD COLUMN "contactPhone" TEXT;
ALTER TABLE "orders" ADD COLUMN "deliveryNote" TEXT;
ALTER TABLE "orders" ADD COLUMN "deliveryWindowFrom" DATETIME;
ALTER TABLE "orders" ADD COLUMN "deliveryWindowTo" DATETIME;
ALTER TABLE "orders" ADD COLUMN "shipToCity" TEXT;
ALTER TABLE "orders" ADD COLUMN "shipToCountry" TEXT;
ALTER TABLE "orders" ADD COLUMN "shipToLine1" TEXT;
ALTER TABLE "orders" ADD COLUMN "shipToLine2" TEXT;
ALTER TABLE "orders" ADD COLUMN "shipToName" TEXT;
ALTER TABLE "orders" ADD COLUMN "shipToPostalCode" TEXT;
ALTER TABLE "orders" ADD COLUMN "shipToRegion" TEXT;

