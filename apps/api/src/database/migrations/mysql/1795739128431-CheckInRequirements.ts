import { MigrationInterface, QueryRunner } from "typeorm";

export class CheckInRequirements1795739128431 implements MigrationInterface {
    name = 'CheckInRequirements1795739128431'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`insurer\` varchar(100) NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`insurancePolicyNumber\` varchar(64) NULL`);
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`sumInsured\` bigint NULL`);
        await queryRunner.query(`ALTER TABLE \`participant\` ADD \`teamLeader\` tinyint NOT NULL DEFAULT 0`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`participant\` DROP COLUMN \`teamLeader\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`sumInsured\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`insurancePolicyNumber\``);
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`insurer\``);
    }

}
