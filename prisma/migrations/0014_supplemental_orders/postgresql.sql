-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "supplementalType" TEXT;

-- AlterTable
ALTER TABLE "order_lines" ADD COLUMN     "replacesOrderLineId" TEXT;

