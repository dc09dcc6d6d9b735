import { MigrationInterface, QueryRunner } from "typeorm";

export class HoldStep1796408600980 implements MigrationInterface {
    name = 'HoldStep1796408600980'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`CREATE TABLE "temporary_batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer, "unionPolicyId" integer, "holdWaitsFor" varchar CHECK( "holdWaitsFor" IN ('SUBMIT_LIST','APPROVE_LIST','PUBLISH_LIST','CONFIRM') ))`);
        await queryRunner.query(`INSERT INTO "temporary_batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "unionPolicyId") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "unionPolicyId" FROM "batch"`);
        await queryRunner.query(`DROP TABLE "batch"`);
        await queryRunner.query(`ALTER TABLE "temporary_batch" RENAME TO "batch"`);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights", "arrivals") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_agreement" ON "batch" ("agreementId", "startDate") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`ALTER TABLE "batch" RENAME TO "temporary_batch"`);
        await queryRunner.query(`CREATE TABLE "batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer, "unionPolicyId" integer)`);
        await queryRunner.query(`INSERT INTO "batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "unionPolicyId") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals", "unionPolicyId" FROM "temporary_batch"`);
        await queryRunner.query(`DROP TABLE "temporary_batch"`);
        await queryRunner.query(`CREATE INDEX "idx_batch_agreement" ON "batch" ("agreementId", "startDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights", "arrivals") `);
    }

}
