import { MigrationInterface, QueryRunner } from "typeorm";

export class BillFunding1795738025441 implements MigrationInterface {
    name = 'BillFunding1795738025441'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_bill_period"`);
        await queryRunner.query(`DROP INDEX "idx_bill_batch"`);
        await queryRunner.query(`DROP INDEX "uq_bill_active"`);
        await queryRunner.query(`CREATE TABLE "temporary_bill" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer, "baseId" integer NOT NULL, "unionId" integer NOT NULL, "batchReference" varchar(32) NOT NULL, "batchStartDate" date NOT NULL, "kind" varchar CHECK( "kind" IN ('STAY','CANCELLATION_FEE','SUBSIDY_CLAIM') ) NOT NULL, "status" varchar CHECK( "status" IN ('ISSUED','PAID','VOID') ) NOT NULL, "total" bigint NOT NULL, "paid" bigint NOT NULL, "activeKey" varchar(40), "issuedAt" datetime NOT NULL, "issuedById" integer, "paidAt" datetime, "voidedAt" datetime, "voidReason" varchar(500), "agreementId" integer, "unionRegionId" integer, "baseRegionId" integer, "capPerPersonPerDay" bigint, "stayDays" integer, "selfPaidPerPerson" bigint NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_bill"("id", "batchId", "baseId", "unionId", "batchReference", "batchStartDate", "kind", "status", "total", "paid", "activeKey", "issuedAt", "issuedById", "paidAt", "voidedAt", "voidReason", "agreementId", "unionRegionId", "baseRegionId") SELECT "id", "batchId", "baseId", "unionId", "batchReference", "batchStartDate", "kind", "status", "total", "paid", "activeKey", "issuedAt", "issuedById", "paidAt", "voidedAt", "voidReason", "agreementId", "unionRegionId", "baseRegionId" FROM "bill"`);
        await queryRunner.query(`DROP TABLE "bill"`);
        await queryRunner.query(`ALTER TABLE "temporary_bill" RENAME TO "bill"`);
        await queryRunner.query(`CREATE INDEX "idx_bill_period" ON "bill" ("batchStartDate", "status", "baseId", "unionId", "total", "paid") `);
        await queryRunner.query(`CREATE INDEX "idx_bill_batch" ON "bill" ("batchId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_bill_active" ON "bill" ("activeKey") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_bill_active"`);
        await queryRunner.query(`DROP INDEX "idx_bill_batch"`);
        await queryRunner.query(`DROP INDEX "idx_bill_period"`);
        await queryRunner.query(`ALTER TABLE "bill" RENAME TO "temporary_bill"`);
        await queryRunner.query(`CREATE TABLE "bill" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer, "baseId" integer NOT NULL, "unionId" integer NOT NULL, "batchReference" varchar(32) NOT NULL, "batchStartDate" date NOT NULL, "kind" varchar CHECK( "kind" IN ('STAY','CANCELLATION_FEE','SUBSIDY_CLAIM') ) NOT NULL, "status" varchar CHECK( "status" IN ('ISSUED','PAID','VOID') ) NOT NULL, "total" bigint NOT NULL, "paid" bigint NOT NULL, "activeKey" varchar(40), "issuedAt" datetime NOT NULL, "issuedById" integer, "paidAt" datetime, "voidedAt" datetime, "voidReason" varchar(500), "agreementId" integer, "unionRegionId" integer, "baseRegionId" integer)`);
        await queryRunner.query(`INSERT INTO "bill"("id", "batchId", "baseId", "unionId", "batchReference", "batchStartDate", "kind", "status", "total", "paid", "activeKey", "issuedAt", "issuedById", "paidAt", "voidedAt", "voidReason", "agreementId", "unionRegionId", "baseRegionId") SELECT "id", "batchId", "baseId", "unionId", "batchReference", "batchStartDate", "kind", "status", "total", "paid", "activeKey", "issuedAt", "issuedById", "paidAt", "voidedAt", "voidReason", "agreementId", "unionRegionId", "baseRegionId" FROM "temporary_bill"`);
        await queryRunner.query(`DROP TABLE "temporary_bill"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_bill_active" ON "bill" ("activeKey") `);
        await queryRunner.query(`CREATE INDEX "idx_bill_batch" ON "bill" ("batchId") `);
        await queryRunner.query(`CREATE INDEX "idx_bill_period" ON "bill" ("batchStartDate", "status", "baseId", "unionId", "total", "paid") `);
    }

}
