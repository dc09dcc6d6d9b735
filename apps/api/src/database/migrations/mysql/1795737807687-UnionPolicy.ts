import { MigrationInterface, QueryRunner } from "typeorm";

export class UnionPolicy1795737807687 implements MigrationInterface {
    name = 'UnionPolicy1795737807687'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`union_policy\` (\`id\` int NOT NULL AUTO_INCREMENT, \`unionId\` int NOT NULL, \`effectiveFrom\` date NOT NULL, \`capPerPersonPerDay\` bigint NOT NULL, \`maxDaysPerTrip\` int NOT NULL, \`maxDaysPerYear\` int NOT NULL, \`capPerPersonPerYear\` bigint NULL, \`insuranceMinimum\` bigint NOT NULL, \`publicationRequired\` tinyint NOT NULL, \`publicationWorkingDays\` int NOT NULL, \`createdById\` int NULL, \`createdAt\` datetime NULL, UNIQUE INDEX \`uq_union_policy_version\` (\`unionId\`, \`effectiveFrom\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`ALTER TABLE \`app_user\` CHANGE \`role\` \`role\` enum ('ADMIN', 'BASE_OPERATOR', 'UNION_ORGANISER', 'UNION_APPROVER', 'PARTNER') NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE \`app_user\` CHANGE \`role\` \`role\` enum ('ADMIN', 'BASE_OPERATOR', 'UNION_ORGANISER', 'PARTNER') NOT NULL`);
        await queryRunner.query(`DROP INDEX \`uq_union_policy_version\` ON \`union_policy\``);
        await queryRunner.query(`DROP TABLE \`union_policy\``);
    }

}
