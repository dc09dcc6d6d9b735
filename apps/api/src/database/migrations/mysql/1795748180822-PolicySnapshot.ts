import { MigrationInterface, QueryRunner } from "typeorm";

export class PolicySnapshot1795748180822 implements MigrationInterface {
    name = 'PolicySnapshot1795748180822'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`batch\` ADD \`unionPolicyId\` int NULL`);
        // Existing batches: the version in force when each was requested (saved by then, effective by its Shanghai date).
        await queryRunner.query(
            `UPDATE \`batch\` b SET b.\`unionPolicyId\` = (SELECT p.\`id\` FROM \`union_policy\` p WHERE p.\`unionId\` = b.\`unionId\` AND p.\`effectiveFrom\` <= DATE(b.\`createdAt\` + INTERVAL 8 HOUR) AND p.\`createdAt\` <= b.\`createdAt\` ORDER BY p.\`effectiveFrom\` DESC LIMIT 1)`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`batch\` DROP COLUMN \`unionPolicyId\``);
    }

}
