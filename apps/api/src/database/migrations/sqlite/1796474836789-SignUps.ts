import { MigrationInterface, QueryRunner } from "typeorm";

export class SignUps1796474836789 implements MigrationInterface {
    name = 'SignUps1796474836789'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sign_up_round" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "unionId" integer NOT NULL, "rule" varchar CHECK( "rule" IN ('FIRST_COME','NEVER_WENT_FIRST','LOTTERY') ) NOT NULL, "status" varchar CHECK( "status" IN ('OPEN','CLOSED') ) NOT NULL, "deadline" datetime NOT NULL, "places" integer NOT NULL, "seed" varchar(100), "openedBy" varchar(50) NOT NULL, "openedById" integer, "openedAt" datetime NOT NULL, "closedAt" datetime, "closedBy" varchar(50))`);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_round_due" ON "sign_up_round" ("status", "deadline") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_round_batch" ON "sign_up_round" ("batchId") `);
        await queryRunner.query(`CREATE TABLE "sign_up" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "roundId" integer NOT NULL, "batchId" integer NOT NULL, "seq" integer NOT NULL, "status" varchar CHECK( "status" IN ('SIGNED_UP','SELECTED','RESERVE','INELIGIBLE','WITHDRAWN') ) NOT NULL, "name" varchar(50) NOT NULL, "gender" varchar CHECK( "gender" IN ('MALE','FEMALE') ) NOT NULL, "documentType" varchar CHECK( "documentType" IN ('MAINLAND_ID','HOME_RETURN_PERMIT','TAIWAN_PERMIT','PASSPORT') ) NOT NULL, "idNumberCipher" varchar(120) NOT NULL, "idNumberHash" varchar(64) NOT NULL, "idNumberMasked" varchar(24) NOT NULL, "phoneCipher" varchar(120) NOT NULL, "phoneMasked" varchar(16) NOT NULL, "employer" varchar(100) NOT NULL, "category" varchar CHECK( "category" IN ('MODEL_WORKER','FRONTLINE_WORKER','OTHER') ) NOT NULL, "dietaryNeeds" varchar(200), "lastStayDate" date, "reservePosition" integer, "participantId" integer, "createdBy" varchar(50) NOT NULL, "createdById" integer, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_batch" ON "sign_up" ("batchId", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_seq" ON "sign_up" ("roundId", "seq") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_sign_up_person" ON "sign_up" ("roundId", "idNumberHash") `);
        await queryRunner.query(`CREATE TABLE "sign_up_event" ("actor" varchar(50) NOT NULL, "actorId" integer, "reason" varchar(500), "at" datetime NOT NULL, "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "signUpId" integer NOT NULL, "from" varchar CHECK( "from" IN ('SIGNED_UP','SELECTED','RESERVE','INELIGIBLE','WITHDRAWN') ), "to" varchar CHECK( "to" IN ('SIGNED_UP','SELECTED','RESERVE','INELIGIBLE','WITHDRAWN') ) NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_sign_up_event" ON "sign_up_event" ("signUpId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "idx_sign_up_event"`);
        await queryRunner.query(`DROP TABLE "sign_up_event"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_person"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_seq"`);
        await queryRunner.query(`DROP INDEX "idx_sign_up_batch"`);
        await queryRunner.query(`DROP TABLE "sign_up"`);
        await queryRunner.query(`DROP INDEX "uq_sign_up_round_batch"`);
        await queryRunner.query(`DROP INDEX "idx_sign_up_round_due"`);
        await queryRunner.query(`DROP TABLE "sign_up_round"`);
    }

}
