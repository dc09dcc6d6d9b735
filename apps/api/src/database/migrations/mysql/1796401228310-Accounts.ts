import { MigrationInterface, QueryRunner } from "typeorm";

export class Accounts1796401228310 implements MigrationInterface {
    name = 'Accounts1796401228310'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`app_user\` ADD \`active\` tinyint NOT NULL DEFAULT 1`);
        await queryRunner.query(`ALTER TABLE \`app_user\` ADD \`tokenVersion\` int NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`app_user\` DROP COLUMN \`tokenVersion\``);
        await queryRunner.query(`ALTER TABLE \`app_user\` DROP COLUMN \`active\``);
    }

}
