import { MigrationInterface, QueryRunner } from "typeorm";

export class Feedback1795737441475 implements MigrationInterface {
    name = 'Feedback1795737441475'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "stay_feedback" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "batchId" integer NOT NULL, "baseId" integer NOT NULL, "unionId" integer NOT NULL, "overall" integer NOT NULL, "lodging" integer NOT NULL, "meals" integer NOT NULL, "activities" integer NOT NULL, "service" integer NOT NULL, "comment" varchar(1000), "createdById" integer, "createdAt" datetime NOT NULL, CONSTRAINT "chk_feedback_scores" CHECK ("overall" BETWEEN 1 AND 5 AND "lodging" BETWEEN 1 AND 5 AND "meals" BETWEEN 1 AND 5 AND "activities" BETWEEN 1 AND 5 AND "service" BETWEEN 1 AND 5))`);
        await queryRunner.query(`CREATE INDEX "idx_feedback_base" ON "stay_feedback" ("baseId") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_feedback_batch" ON "stay_feedback" ("batchId") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "uq_feedback_batch"`);
        await queryRunner.query(`DROP INDEX "idx_feedback_base"`);
        await queryRunner.query(`DROP TABLE "stay_feedback"`);
    }

}
