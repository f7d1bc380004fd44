-- CreateTable
CREATE TABLE "TradeConfirmation" (
    "id" UUID NOT NULL,
    "orderId" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "TradeConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TradeConfirmation_orderId_key" ON "TradeConfirmation"("orderId");

-- AddForeignKey
ALTER TABLE "TradeConfirmation" ADD CONSTRAINT "TradeConfirmation_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
