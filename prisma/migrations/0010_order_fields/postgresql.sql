-- Orders carry what amendments change (SPEC §6): shipping address, contact, delivery note and
-- requested delivery window. Every column may be null; existing orders keep none of them.

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ADD COLUMN     "deliveryNote" TEXT,
ADD COLUMN     "deliveryWindowFrom" TIMESTAMP(3),
ADD COLUMN     "deliveryWindowTo" TIMESTAMP(3),
ADD COLUMN     "shipToCity" TEXT,
ADD COLUMN     "shipToCountry" TEXT,
ADD COLUMN     "shipToLine1" TEXT,
ADD COLUMN     "shipToLine2" TEXT,
ADD COLUMN     "shipToName" TEXT,
ADD COLUMN     "shipToPostalCode" TEXT,
ADD COLUMN     "shipToRegion" TEXT;

