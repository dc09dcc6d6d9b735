import { MigrationInterface, QueryRunner } from "typeorm";

export class Billing1795710778346 implements MigrationInterface {
    name = 'Billing1795710778346'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "bill_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "billId" integer NOT NULL, "position" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('PACKAGE','CONSUMPTION','CANCELLATION_FEE') ) NOT NULL, "description" varchar(300) NOT NULL, "quantity" integer NOT NULL, "unitPrice" bigint NOT NULL, "amount" bigint NOT NULL, "consumptionEntryId" integer)`);
        await queryRunner.query(`CREATE INDEX "idx_bill_line_bill" ON "bill_line" ("billId", "position") `);
        await queryRunner.query(`CREATE TABLE "bill" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "baseId" integer NOT NULL, "unionId" integer NOT NULL, "batchReference" varchar(32) NOT NULL, "batchStartDate" date NOT NULL, "kind" varchar CHECK( "kind" IN ('STAY','CANCELLATION_FEE') ) NOT NULL, "status" varchar CHECK( "status" IN ('ISSUED','PAID','VOID') ) NOT NULL, "total" bigint NOT NULL, "paid" bigint NOT NULL, "activeKey" varchar(40), "issuedAt" datetime NOT NULL, "issuedById" integer, "paidAt" datetime, "voidedAt" datetime, "voidReason" varchar(500))`);
        await queryRunner.query(`CREATE INDEX "idx_bill_period" ON "bill" ("batchStartDate", "status", "baseId", "unionId", "total", "paid") `);
        await queryRunner.query(`CREATE INDEX "idx_bill_batch" ON "bill" ("batchId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_bill_active" ON "bill" ("activeKey") `);
        await queryRunner.query(`CREATE TABLE "payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "billId" integer NOT NULL, "amount" bigint NOT NULL, "method" varchar CHECK( "method" IN ('BANK_TRANSFER','UNION_FUNDS','WECHAT_PAY','ALIPAY','CASH') ) NOT NULL, "reference" varchar(100) NOT NULL, "recordedById" integer, "recordedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_payment_bill" ON "payment" ("billId") `);
        await queryRunner.query(`CREATE TABLE "cancellation_policy" ("baseId" integer PRIMARY KEY NOT NULL, "windows" text NOT NULL, "updatedById" integer, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE TABLE "consumption_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "baseId" integer NOT NULL, "unionId" integer NOT NULL, "category" varchar CHECK( "category" IN ('LODGING','MEALS','ACTIVITIES','TRANSPORT','OTHER') ) NOT NULL, "description" varchar(200) NOT NULL, "quantity" integer NOT NULL, "unitPrice" bigint NOT NULL, "amount" bigint NOT NULL, "occurredOn" date NOT NULL, "reversesEntryId" integer, "reason" varchar(500), "createdById" integer, "createdAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_consumption_reverses" ON "consumption_entry" ("reversesEntryId") `);
        await queryRunner.query(`CREATE INDEX "idx_consumption_batch" ON "consumption_entry" ("batchId", "id") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`DROP INDEX "idx_consumption_batch"`);
        await queryRunner.query(`DROP INDEX "uq_consumption_reverses"`);
        await queryRunner.query(`DROP TABLE "consumption_entry"`);
        await queryRunner.query(`DROP TABLE "cancellation_policy"`);
        await queryRunner.query(`DROP INDEX "idx_payment_bill"`);
        await queryRunner.query(`DROP TABLE "payment"`);
        await queryRunner.query(`DROP INDEX "uq_bill_active"`);
        await queryRunner.query(`DROP INDEX "idx_bill_batch"`);
        await queryRunner.query(`DROP INDEX "idx_bill_period"`);
        await queryRunner.query(`DROP TABLE "bill"`);
        await queryRunner.query(`DROP INDEX "idx_bill_line_bill"`);
        await queryRunner.query(`DROP TABLE "bill_line"`);
    }

}
