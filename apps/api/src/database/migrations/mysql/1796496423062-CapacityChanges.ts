import { MigrationInterface, QueryRunner } from "typeorm";

export class CapacityChanges1796496423062 implements MigrationInterface {
    name = 'CapacityChanges1796496423062'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`capacity_change\` (\`id\` int NOT NULL AUTO_INCREMENT, \`baseId\` int NOT NULL, \`kind\` enum ('CAPACITY', 'CLOSED', 'REOPENED') NOT NULL, \`fromNight\` date NOT NULL, \`toNight\` date NOT NULL, \`totalBeds\` int NULL, \`actor\` varchar(50) NOT NULL, \`actorId\` int NULL, \`at\` datetime NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE \`capacity_change\``);
    }

}
