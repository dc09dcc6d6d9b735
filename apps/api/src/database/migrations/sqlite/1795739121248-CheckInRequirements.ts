import { MigrationInterface, QueryRunner } from "typeorm";

export class CheckInRequirements1795739121248 implements MigrationInterface {
    name = 'CheckInRequirements1795739121248'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`CREATE TABLE "temporary_batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer, "insurer" varchar(100), "insurancePolicyNumber" varchar(64), "sumInsured" bigint)`);
        await queryRunner.query(`INSERT INTO "temporary_batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals" FROM "batch"`);
        await queryRunner.query(`DROP TABLE "batch"`);
        await queryRunner.query(`ALTER TABLE "temporary_batch" RENAME TO "batch"`);
        await queryRunner.query(`CREATE INDEX "idx_batch_period" ON "batch" ("startDate", "status", "baseId", "unionId", "headcount", "nights", "arrivals") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_idempotency" ON "batch" ("unionId", "idempotencyKeyHash") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_base_start" ON "batch" ("baseId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_union_start" ON "batch" ("unionId", "startDate") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_status_hold" ON "batch" ("status", "holdExpiresAt") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_batch_reference" ON "batch" ("reference") `);
        await queryRunner.query(`CREATE INDEX "idx_batch_agreement" ON "batch" ("agreementId", "startDate") `);
        await queryRunner.query(`DROP INDEX "idx_participant_person"`);
        await queryRunner.query(`DROP INDEX "uq_participant_batch_person"`);
        await queryRunner.query(`CREATE TABLE "temporary_participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "name" varchar(50) NOT NULL, "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "documentType" varchar CHECK( "documentType" IN ('MAINLAND_ID','HOME_RETURN_PERMIT','TAIWAN_PERMIT','PASSPORT') ) NOT NULL, "idNumberCipher" varchar(120) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phoneCipher" varchar(120) NOT NULL, "phoneMasked" varchar(16) NOT NULL, "employer" varchar(100) NOT NULL, "category" varchar CHECK( "category" IN ('MODEL_WORKER','FRONTLINE_WORKER','OTHER') ) NOT NULL, "dietaryNeeds" varchar(200), "room" varchar(20), "createdById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "arrived" boolean, "teamLeader" boolean NOT NULL DEFAULT (0))`);
        await queryRunner.query(`INSERT INTO "temporary_participant"("id", "batchId", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "room", "createdById", "createdAt", "updatedAt", "arrived") SELECT "id", "batchId", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "room", "createdById", "createdAt", "updatedAt", "arrived" FROM "participant"`);
        await queryRunner.query(`DROP TABLE "participant"`);
        await queryRunner.query(`ALTER TABLE "temporary_participant" RENAME TO "participant"`);
        await queryRunner.query(`CREATE INDEX "idx_participant_person" ON "participant" ("idNumberHash") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_participant_batch_person" ON "participant" ("batchId", "idNumberHash") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_participant_batch_person"`);
        await queryRunner.query(`DROP INDEX "idx_participant_person"`);
        await queryRunner.query(`ALTER TABLE "participant" RENAME TO "temporary_participant"`);
        await queryRunner.query(`CREATE TABLE "participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "name" varchar(50) NOT NULL, "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "documentType" varchar CHECK( "documentType" IN ('MAINLAND_ID','HOME_RETURN_PERMIT','TAIWAN_PERMIT','PASSPORT') ) NOT NULL, "idNumberCipher" varchar(120) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phoneCipher" varchar(120) NOT NULL, "phoneMasked" varchar(16) NOT NULL, "employer" varchar(100) NOT NULL, "category" varchar CHECK( "category" IN ('MODEL_WORKER','FRONTLINE_WORKER','OTHER') ) NOT NULL, "dietaryNeeds" varchar(200), "room" varchar(20), "createdById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "arrived" boolean)`);
        await queryRunner.query(`INSERT INTO "participant"("id", "batchId", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "room", "createdById", "createdAt", "updatedAt", "arrived") SELECT "id", "batchId", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "room", "createdById", "createdAt", "updatedAt", "arrived" FROM "temporary_participant"`);
        await queryRunner.query(`DROP TABLE "temporary_participant"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_participant_batch_person" ON "participant" ("batchId", "idNumberHash") `);
        await queryRunner.query(`CREATE INDEX "idx_participant_person" ON "participant" ("idNumberHash") `);
        await queryRunner.query(`DROP INDEX "idx_batch_agreement"`);
        await queryRunner.query(`DROP INDEX "uq_batch_reference"`);
        await queryRunner.query(`DROP INDEX "idx_batch_status_hold"`);
        await queryRunner.query(`DROP INDEX "idx_batch_union_start"`);
        await queryRunner.query(`DROP INDEX "idx_batch_base_start"`);
        await queryRunner.query(`DROP INDEX "uq_batch_idempotency"`);
        await queryRunner.query(`DROP INDEX "idx_batch_period"`);
        await queryRunner.query(`ALTER TABLE "batch" RENAME TO "temporary_batch"`);
        await queryRunner.query(`CREATE TABLE "batch" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "reference" varchar(32) NOT NULL, "status" varchar CHECK( "status" IN ('REQUESTED','CONFIRMED','CHECKED_IN','COMPLETED','SETTLED','REJECTED','CANCELLED','EXPIRED') ) NOT NULL, "unionId" integer NOT NULL, "baseId" integer NOT NULL, "packageId" integer NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "nights" integer NOT NULL, "headcount" integer NOT NULL, "pricePerPerson" bigint NOT NULL, "holdExpiresAt" datetime, "idempotencyKeyHash" varchar(64), "requestHash" varchar(64), "notes" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "unionRegionId" integer, "baseRegionId" integer, "agreementId" integer, "bedSource" varchar CHECK( "bedSource" IN ('GENERAL','ALLOTMENT') ) NOT NULL DEFAULT ('GENERAL'), "allotmentId" integer, "benefitType" varchar CHECK( "benefitType" IN ('NONE','VOUCHER_PER_PERSON','DISCOUNT_PERCENT') ), "benefitAmount" bigint NOT NULL DEFAULT (0), "benefitPerPerson" bigint NOT NULL DEFAULT (0), "arrivals" integer)`);
        await queryRunner.query(`INSERT INTO "batch"("id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals") SELECT "id", "reference", "status", "unionId", "baseId", "packageId", "startDate", "endDate", "nights", "headcount", "pricePerPerson", "holdExpiresAt", "idempotencyKeyHash", "requestHash", "notes", "createdById", "createdAt", "updatedAt", "unionRegionId", "baseRegionId", "agreementId", "bedSource", "allotmentId", "benefitType", "benefitAmount", "benefitPerPerson", "arrivals" FROM "temporary_batch"`);
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
