import { MigrationInterface, QueryRunner } from "typeorm";

export class HoldStep1796408639142 implements MigrationInterface {
    name = 'HoldStep1796408639142'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`holdWaitsFor\` enum ('SUBMIT_LIST', 'APPROVE_LIST', 'PUBLISH_LIST', 'CONFIRM') NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`holdWaitsFor\``);
    }

}
