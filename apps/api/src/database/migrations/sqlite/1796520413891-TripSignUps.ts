import { MigrationInterface, QueryRunner } from "typeorm";

export class TripSignUps1796520413891 implements MigrationInterface {
    name = 'TripSignUps1796520413891'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_sign_up_person"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_seq"`);
        await queryRunner.query(`DROP INDEX "idx_sign_up_batch"`);
        await queryRunner.query(`CREATE TABLE "temporary_sign_up" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "roundId" integer NOT NULL, "batchId" integer NOT NULL, "seq" integer NOT NULL, "status" varchar CHECK( "status" IN ('SIGNED_UP','SELECTED','RESERVE','INELIGIBLE','WITHDRAWN') ) NOT NULL, "name" varchar(50) NOT NULL, "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "documentType" varchar CHECK( "documentType" IN ('MAINLAND_ID','HOME_RETURN_PERMIT','TAIWAN_PERMIT','PASSPORT') ) NOT NULL, "idNumberCipher" varchar(120) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phoneCipher" varchar(120) NOT NULL, "phoneMasked" varchar(16) NOT NULL, "employer" varchar(100) NOT NULL, "category" varchar CHECK( "category" IN ('MODEL_WORKER','FRONTLINE_WORKER','OTHER') ) NOT NULL, "dietaryNeeds" varchar(200), "lastStayDate" date, "reservePosition" integer, "participantId" integer, "createdBy" varchar(50) NOT NULL, "createdById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "temporary_sign_up"("id", "roundId", "batchId", "seq", "status", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "lastStayDate", "reservePosition", "participantId", "createdBy", "createdById", "createdAt", "updatedAt") SELECT "id", "roundId", "batchId", "seq", "status", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "lastStayDate", "reservePosition", "participantId", "createdBy", "createdById", "createdAt", "updatedAt" FROM "sign_up"`);
        await queryRunner.query(`DROP TABLE "sign_up"`);
        await queryRunner.query(`ALTER TABLE "temporary_sign_up" RENAME TO "sign_up"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_person" ON "sign_up" ("roundId", "idNumberHash") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_seq" ON "sign_up" ("roundId", "seq") `);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_batch" ON "sign_up" ("batchId", "status") `);
        await queryRunner.query(`DROP INDEX "uq_sign_up_round_batch"`);
        await queryRunner.query(`DROP INDEX "idx_sign_up_round_due"`);
        await queryRunner.query(`CREATE TABLE "temporary_sign_up_round" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "unionId" integer NOT NULL, "rule" varchar CHECK( "rule" IN ('FIRST_COME','NEVER_WENT_FIRST','LOTTERY') ) NOT NULL, "status" varchar CHECK( "status" IN ('OPEN','CLOSED') ) NOT NULL, "deadline" datetime NOT NULL, "places" integer NOT NULL, "seed" varchar(100), "openedBy" varchar(50) NOT NULL, "openedById" integer, "openedAt" datetime NOT NULL, "closedAt" datetime, "closedBy" varchar(50), "packageId" integer, "baseId" integer, "startDate" date, "endDate" date, "notBookedCode" varchar(40), "notBookedReason" varchar(500))`);
        await queryRunner.query(`INSERT INTO "temporary_sign_up_round"("id", "batchId", "unionId", "rule", "status", "deadline", "places", "seed", "openedBy", "openedById", "openedAt", "closedAt", "closedBy") SELECT "id", "batchId", "unionId", "rule", "status", "deadline", "places", "seed", "openedBy", "openedById", "openedAt", "closedAt", "closedBy" FROM "sign_up_round"`);
        await queryRunner.query(`DROP TABLE "sign_up_round"`);
        await queryRunner.query(`ALTER TABLE "temporary_sign_up_round" RENAME TO "sign_up_round"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_round_batch" ON "sign_up_round" ("batchId") `);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_round_due" ON "sign_up_round" ("status", "deadline") `);
        await queryRunner.query(`DROP INDEX "idx_sign_up_round_due"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_round_batch"`);
        await queryRunner.query(`CREATE TABLE "temporary_sign_up_round" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer, "unionId" integer NOT NULL, "rule" varchar CHECK( "rule" IN ('FIRST_COME','NEVER_WENT_FIRST','LOTTERY') ) NOT NULL, "status" varchar CHECK( "status" IN ('OPEN','CLOSED','NOT_BOOKED') ) NOT NULL, "deadline" datetime NOT NULL, "places" integer NOT NULL, "seed" varchar(100), "openedBy" varchar(50) NOT NULL, "openedById" integer, "openedAt" datetime NOT NULL, "closedAt" datetime, "closedBy" varchar(50), "packageId" integer, "baseId" integer, "startDate" date, "endDate" date, "notBookedCode" varchar(40), "notBookedReason" varchar(500))`);
        await queryRunner.query(`INSERT INTO "temporary_sign_up_round"("id", "batchId", "unionId", "rule", "status", "deadline", "places", "seed", "openedBy", "openedById", "openedAt", "closedAt", "closedBy", "packageId", "baseId", "startDate", "endDate", "notBookedCode", "notBookedReason") SELECT "id", "batchId", "unionId", "rule", "status", "deadline", "places", "seed", "openedBy", "openedById", "openedAt", "closedAt", "closedBy", "packageId", "baseId", "startDate", "endDate", "notBookedCode", "notBookedReason" FROM "sign_up_round"`);
        await queryRunner.query(`DROP TABLE "sign_up_round"`);
        await queryRunner.query(`ALTER TABLE "temporary_sign_up_round" RENAME TO "sign_up_round"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_round_batch" ON "sign_up_round" ("batchId") `);
        await queryRunner.query(`DROP INDEX "idx_sign_up_batch"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_person"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_seq"`);
        await queryRunner.query(`CREATE TABLE "temporary_sign_up" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "roundId" integer NOT NULL, "batchId" integer, "seq" integer NOT NULL, "status" varchar CHECK( "status" IN ('SIGNED_UP','SELECTED','RESERVE','INELIGIBLE','WITHDRAWN') ) NOT NULL, "name" varchar(50) NOT NULL, "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "documentType" varchar CHECK( "documentType" IN ('MAINLAND_ID','HOME_RETURN_PERMIT','TAIWAN_PERMIT','PASSPORT') ) NOT NULL, "idNumberCipher" varchar(120) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phoneCipher" varchar(120) NOT NULL, "phoneMasked" varchar(16) NOT NULL, "employer" varchar(100) NOT NULL, "category" varchar CHECK( "category" IN ('MODEL_WORKER','FRONTLINE_WORKER','OTHER') ) NOT NULL, "dietaryNeeds" varchar(200), "lastStayDate" date, "reservePosition" integer, "participantId" integer, "createdBy" varchar(50) NOT NULL, "createdById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "temporary_sign_up"("id", "roundId", "batchId", "seq", "status", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "lastStayDate", "reservePosition", "participantId", "createdBy", "createdById", "createdAt", "updatedAt") SELECT "id", "roundId", "batchId", "seq", "status", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "lastStayDate", "reservePosition", "participantId", "createdBy", "createdById", "createdAt", "updatedAt" FROM "sign_up"`);
        await queryRunner.query(`DROP TABLE "sign_up"`);
        await queryRunner.query(`ALTER TABLE "temporary_sign_up" RENAME TO "sign_up"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_person" ON "sign_up" ("roundId", "idNumberHash") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_seq" ON "sign_up" ("roundId", "seq") `);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_round_due" ON "sign_up_round" ("status", "deadline") `);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_batch" ON "sign_up" ("batchId", "status") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_sign_up_batch"`);
        await queryRunner.query(`DROP INDEX "idx_sign_up_round_due"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_seq"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_person"`);
        await queryRunner.query(`ALTER TABLE "sign_up" RENAME TO "temporary_sign_up"`);
        await queryRunner.query(`CREATE TABLE "sign_up" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "roundId" integer NOT NULL, "batchId" integer NOT NULL, "seq" integer NOT NULL, "status" varchar CHECK( "status" IN ('SIGNED_UP','SELECTED','RESERVE','INELIGIBLE','WITHDRAWN') ) NOT NULL, "name" varchar(50) NOT NULL, "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "documentType" varchar CHECK( "documentType" IN ('MAINLAND_ID','HOME_RETURN_PERMIT','TAIWAN_PERMIT','PASSPORT') ) NOT NULL, "idNumberCipher" varchar(120) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phoneCipher" varchar(120) NOT NULL, "phoneMasked" varchar(16) NOT NULL, "employer" varchar(100) NOT NULL, "category" varchar CHECK( "category" IN ('MODEL_WORKER','FRONTLINE_WORKER','OTHER') ) NOT NULL, "dietaryNeeds" varchar(200), "lastStayDate" date, "reservePosition" integer, "participantId" integer, "createdBy" varchar(50) NOT NULL, "createdById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "sign_up"("id", "roundId", "batchId", "seq", "status", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "lastStayDate", "reservePosition", "participantId", "createdBy", "createdById", "createdAt", "updatedAt") SELECT "id", "roundId", "batchId", "seq", "status", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "lastStayDate", "reservePosition", "participantId", "createdBy", "createdById", "createdAt", "updatedAt" FROM "temporary_sign_up"`);
        await queryRunner.query(`DROP TABLE "temporary_sign_up"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_seq" ON "sign_up" ("roundId", "seq") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_person" ON "sign_up" ("roundId", "idNumberHash") `);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_batch" ON "sign_up" ("batchId", "status") `);
        await queryRunner.query(`DROP INDEX "uq_sign_up_round_batch"`);
        await queryRunner.query(`ALTER TABLE "sign_up_round" RENAME TO "temporary_sign_up_round"`);
        await queryRunner.query(`CREATE TABLE "sign_up_round" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "unionId" integer NOT NULL, "rule" varchar CHECK( "rule" IN ('FIRST_COME','NEVER_WENT_FIRST','LOTTERY') ) NOT NULL, "status" varchar CHECK( "status" IN ('OPEN','CLOSED') ) NOT NULL, "deadline" datetime NOT NULL, "places" integer NOT NULL, "seed" varchar(100), "openedBy" varchar(50) NOT NULL, "openedById" integer, "openedAt" datetime NOT NULL, "closedAt" datetime, "closedBy" varchar(50), "packageId" integer, "baseId" integer, "startDate" date, "endDate" date, "notBookedCode" varchar(40), "notBookedReason" varchar(500))`);
        await queryRunner.query(`INSERT INTO "sign_up_round"("id", "batchId", "unionId", "rule", "status", "deadline", "places", "seed", "openedBy", "openedById", "openedAt", "closedAt", "closedBy", "packageId", "baseId", "startDate", "endDate", "notBookedCode", "notBookedReason") SELECT "id", "batchId", "unionId", "rule", "status", "deadline", "places", "seed", "openedBy", "openedById", "openedAt", "closedAt", "closedBy", "packageId", "baseId", "startDate", "endDate", "notBookedCode", "notBookedReason" FROM "temporary_sign_up_round"`);
        await queryRunner.query(`DROP TABLE "temporary_sign_up_round"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_round_batch" ON "sign_up_round" ("batchId") `);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_round_due" ON "sign_up_round" ("status", "deadline") `);
        await queryRunner.query(`DROP INDEX "idx_sign_up_round_due"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_round_batch"`);
        await queryRunner.query(`ALTER TABLE "sign_up_round" RENAME TO "temporary_sign_up_round"`);
        await queryRunner.query(`CREATE TABLE "sign_up_round" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "unionId" integer NOT NULL, "rule" varchar CHECK( "rule" IN ('FIRST_COME','NEVER_WENT_FIRST','LOTTERY') ) NOT NULL, "status" varchar CHECK( "status" IN ('OPEN','CLOSED') ) NOT NULL, "deadline" datetime NOT NULL, "places" integer NOT NULL, "seed" varchar(100), "openedBy" varchar(50) NOT NULL, "openedById" integer, "openedAt" datetime NOT NULL, "closedAt" datetime, "closedBy" varchar(50))`);
        await queryRunner.query(`INSERT INTO "sign_up_round"("id", "batchId", "unionId", "rule", "status", "deadline", "places", "seed", "openedBy", "openedById", "openedAt", "closedAt", "closedBy") SELECT "id", "batchId", "unionId", "rule", "status", "deadline", "places", "seed", "openedBy", "openedById", "openedAt", "closedAt", "closedBy" FROM "temporary_sign_up_round"`);
        await queryRunner.query(`DROP TABLE "temporary_sign_up_round"`);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_round_due" ON "sign_up_round" ("status", "deadline") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_round_batch" ON "sign_up_round" ("batchId") `);
        await queryRunner.query(`DROP INDEX "idx_sign_up_batch"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_seq"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_person"`);
        await queryRunner.query(`ALTER TABLE "sign_up" RENAME TO "temporary_sign_up"`);
        await queryRunner.query(`CREATE TABLE "sign_up" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "roundId" integer NOT NULL, "batchId" integer NOT NULL, "seq" integer NOT NULL, "status" varchar CHECK( "status" IN ('SIGNED_UP','SELECTED','RESERVE','INELIGIBLE','WITHDRAWN') ) NOT NULL, "name" varchar(50) NOT NULL, "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "documentType" varchar CHECK( "documentType" IN ('MAINLAND_ID','HOME_RETURN_PERMIT','TAIWAN_PERMIT','PASSPORT') ) NOT NULL, "idNumberCipher" varchar(120) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phoneCipher" varchar(120) NOT NULL, "phoneMasked" varchar(16) NOT NULL, "employer" varchar(100) NOT NULL, "category" varchar CHECK( "category" IN ('MODEL_WORKER','FRONTLINE_WORKER','OTHER') ) NOT NULL, "dietaryNeeds" varchar(200), "lastStayDate" date, "reservePosition" integer, "participantId" integer, "createdBy" varchar(50) NOT NULL, "createdById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`INSERT INTO "sign_up"("id", "roundId", "batchId", "seq", "status", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "lastStayDate", "reservePosition", "participantId", "createdBy", "createdById", "createdAt", "updatedAt") SELECT "id", "roundId", "batchId", "seq", "status", "name", "gender", "documentType", "idNumberCipher", "idNumberHash", "idNumberMasked", "phoneCipher", "phoneMasked", "employer", "category", "dietaryNeeds", "lastStayDate", "reservePosition", "participantId", "createdBy", "createdById", "createdAt", "updatedAt" FROM "temporary_sign_up"`);
        await queryRunner.query(`DROP TABLE "temporary_sign_up"`);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_batch" ON "sign_up" ("batchId", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_seq" ON "sign_up" ("roundId", "seq") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_person" ON "sign_up" ("roundId", "idNumberHash") `);
    }

}
