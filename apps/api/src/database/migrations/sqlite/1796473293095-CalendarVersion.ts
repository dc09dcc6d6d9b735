import { MigrationInterface, QueryRunner } from "typeorm";

export class CalendarVersion1796473293095 implements MigrationInterface {
    name = 'CalendarVersion1796473293095'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "calendar_version" ("id" integer PRIMARY KEY NOT NULL, "version" integer NOT NULL)`);
        // The one row every booking reads; changes to the calendar raise it (HolidayService).
        await queryRunner.query(`INSERT INTO "calendar_version" ("id", "version") VALUES (1, 1)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "calendar_version"`);
    }

}
