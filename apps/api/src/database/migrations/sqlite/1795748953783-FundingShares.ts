import { MigrationInterface, QueryRunner } from "typeorm";

export class FundingShares1795748953783 implements MigrationInterface {
    name = 'FundingShares1795748953783'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "bill_share" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "billId" integer NOT NULL, "unionId" integer NOT NULL, "year" integer NOT NULL, "participantId" integer NOT NULL, "personHash" varchar(64) NOT NULL, "unionFunded" bigint NOT NULL, "selfPaid" bigint NOT NULL, "yearlyCapReached" boolean NOT NULL DEFAULT (0), CONSTRAINT "chk_bill_share_amounts" CHECK ("unionFunded" >= 0 AND "selfPaid" >= 0))`);
        await queryRunner.query(`CREATE INDEX "idx_bill_share_bill" ON "bill_share" ("billId") `);
        await queryRunner.query(`CREATE INDEX "idx_bill_share_person" ON "bill_share" ("unionId", "year", "personHash") `);
        await queryRunner.query(`DROP INDEX "uq_bill_active"`);
        await queryRunner.query(`DROP INDEX "idx_bill_batch"`);
        await queryRunner.query(`DROP INDEX "idx_bill_period"`);
        await queryRunner.query(`CREATE TABLE "temporary_bill" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer, "baseId" integer NOT NULL, "unionId" integer NOT NULL, "batchReference" varchar(32) NOT NULL, "batchStartDate" date NOT NULL, "kind" varchar CHECK( "kind" IN ('STAY','CANCELLATION_FEE','SUBSIDY_CLAIM') ) NOT NULL, "status" varchar CHECK( "status" IN ('ISSUED','PAID','VOID') ) NOT NULL, "total" bigint NOT NULL, "paid" bigint NOT NULL, "activeKey" varchar(40), "issuedAt" datetime NOT NULL, "issuedById" integer, "paidAt" datetime, "voidedAt" datetime, "voidReason" varchar(500), "agreementId" integer, "unionRegionId" integer, "baseRegionId" integer, "capPerPersonPerDay" bigint, "stayDays" integer, "selfPaidPerPerson" bigint NOT NULL DEFAULT (0), "capPerPersonPerYear" bigint)`);
        await queryRunner.query(`INSERT INTO "temporary_bill"("id", "batchId", "baseId", "unionId", "batchReference", "batchStartDate", "kind", "status", "total", "paid", "activeKey", "issuedAt", "issuedById", "paidAt", "voidedAt", "voidReason", "agreementId", "unionRegionId", "baseRegionId", "capPerPersonPerDay", "stayDays", "selfPaidPerPerson") SELECT "id", "batchId", "baseId", "unionId", "batchReference", "batchStartDate", "kind", "status", "total", "paid", "activeKey", "issuedAt", "issuedById", "paidAt", "voidedAt", "voidReason", "agreementId", "unionRegionId", "baseRegionId", "capPerPersonPerDay", "stayDays", "selfPaidPerPerson" FROM "bill"`);
        await queryRunner.query(`DROP TABLE "bill"`);
        await queryRunner.query(`ALTER TABLE "temporary_bill" RENAME TO "bill"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_bill_active" ON "bill" ("activeKey") `);
        await queryRunner.query(`CREATE INDEX "idx_bill_batch" ON "bill" ("batchId") `);
        await queryRunner.query(`CREATE INDEX "idx_bill_period" ON "bill" ("batchStartDate", "status", "baseId", "unionId", "total", "paid") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_bill_period"`);
        await queryRunner.query(`DROP INDEX "idx_bill_batch"`);
        await queryRunner.query(`DROP INDEX "uq_bill_active"`);
        await queryRunner.query(`ALTER TABLE "bill" RENAME TO "temporary_bill"`);
        await queryRunner.query(`CREATE TABLE "bill" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer, "baseId" integer NOT NULL, "unionId" integer NOT NULL, "batchReference" varchar(32) NOT NULL, "batchStartDate" date NOT NULL, "kind" varchar CHECK( "kind" IN ('STAY','CANCELLATION_FEE','SUBSIDY_CLAIM') ) NOT NULL, "status" varchar CHECK( "status" IN ('ISSUED','PAID','VOID') ) NOT NULL, "total" bigint NOT NULL, "paid" bigint NOT NULL, "activeKey" varchar(40), "issuedAt" datetime NOT NULL, "issuedById" integer, "paidAt" datetime, "voidedAt" datetime, "voidReason" varchar(500), "agreementId" integer, "unionRegionId" integer, "baseRegionId" integer, "capPerPersonPerDay" bigint, "stayDays" integer, "selfPaidPerPerson" bigint NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "bill"("id", "batchId", "baseId", "unionId", "batchReference", "batchStartDate", "kind", "status", "total", "paid", "activeKey", "issuedAt", "issuedById", "paidAt", "voidedAt", "voidReason", "agreementId", "unionRegionId", "baseRegionId", "capPerPersonPerDay", "stayDays", "selfPaidPerPerson") SELECT "id", "batchId", "baseId", "unionId", "batchReference", "batchStartDate", "kind", "status", "total", "paid", "activeKey", "issuedAt", "issuedById", "paidAt", "voidedAt", "voidReason", "agreementId", "unionRegionId", "baseRegionId", "capPerPersonPerDay", "stayDays", "selfPaidPerPerson" FROM "temporary_bill"`);
        await queryRunner.query(`DROP TABLE "temporary_bill"`);
        await queryRunner.query(`CREATE INDEX "idx_bill_period" ON "bill" ("batchStartDate", "status", "baseId", "unionId", "total", "paid") `);
        await queryRunner.query(`CREATE INDEX "idx_bill_batch" ON "bill" ("batchId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_bill_active" ON "bill" ("activeKey") `);
        await queryRunner.query(`DROP INDEX "idx_bill_share_person"`);
        await queryRunner.query(`DROP INDEX "idx_bill_share_bill"`);
        await queryRunner.query(`DROP TABLE "bill_share"`);
    }

}
