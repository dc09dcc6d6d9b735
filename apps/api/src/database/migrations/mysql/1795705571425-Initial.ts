import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795705571425 implements MigrationInterface {
    name = 'Initial1795705571425'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE \`app_user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(50) NOT NULL, \`passwordHash\` varchar(255) NOT NULL, \`role\` enum ('ADMIN', 'BASE_OPERATOR', 'UNION_ORGANISER', 'PARTNER') NOT NULL, \`baseId\` int NULL, \`unionId\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_user_username\` (\`username\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`base\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(32) NOT NULL, \`name\` varchar(100) NOT NULL, \`county\` varchar(50) NOT NULL, \`address\` varchar(200) NULL, \`description\` varchar(1000) NULL, \`isDemo\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_base_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`capacity_night\` (\`baseId\` int NOT NULL, \`night\` date NOT NULL, \`totalBeds\` int NOT NULL DEFAULT '0', \`reservedBeds\` int NOT NULL DEFAULT '0', \`closed\` tinyint NOT NULL DEFAULT 0, \`closedReason\` varchar(200) NULL, PRIMARY KEY (\`baseId\`, \`night\`), CONSTRAINT \`chk_capacity_beds\` CHECK (\`reservedBeds\` >= 0 AND \`reservedBeds\` <= \`totalBeds\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`package\` (\`id\` int NOT NULL AUTO_INCREMENT, \`baseId\` int NOT NULL, \`name\` varchar(100) NOT NULL, \`nights\` int NOT NULL, \`pricePerPerson\` bigint NOT NULL, \`minGroupSize\` int NOT NULL, \`maxGroupSize\` int NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`description\` varchar(1000) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_package_base\` (\`baseId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`trade_union\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(32) NOT NULL, \`name\` varchar(100) NOT NULL, \`city\` varchar(50) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_union_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`batch_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`batchId\` int NOT NULL, \`fromStatus\` enum ('REQUESTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'SETTLED', 'REJECTED', 'CANCELLED', 'EXPIRED') NULL, \`toStatus\` enum ('REQUESTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'SETTLED', 'REJECTED', 'CANCELLED', 'EXPIRED') NOT NULL, \`at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`actorId\` int NULL, \`actor\` varchar(50) NOT NULL, \`reason\` varchar(500) NULL, INDEX \`idx_batch_event_batch\` (\`batchId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await queryRunner.query(`CREATE TABLE \`batch\` (\`id\` int NOT NULL AUTO_INCREMENT, \`reference\` varchar(32) NOT NULL, \`status\` enum ('REQUESTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'SETTLED', 'REJECTED', 'CANCELLED', 'EXPIRED') NOT NULL, \`unionId\` int NOT NULL, \`baseId\` int NOT NULL, \`packageId\` int NOT NULL, \`startDate\` date NOT NULL, \`endDate\` date NOT NULL, \`nights\` int NOT NULL, \`headcount\` int NOT NULL, \`pricePerPerson\` bigint NOT NULL, \`holdExpiresAt\` datetime NULL, \`idempotencyKeyHash\` varchar(64) NULL, \`requestHash\` varchar(64) NULL, \`notes\` varchar(1000) NULL, \`createdById\` int NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_batch_reference\` (\`reference\`), INDEX \`idx_batch_status_hold\` (\`status\`, \`holdExpiresAt\`), INDEX \`idx_batch_union_start\` (\`unionId\`, \`startDate\`), INDEX \`idx_batch_base_start\` (\`baseId\`, \`startDate\`), UNIQUE INDEX \`uq_batch_idempotency\` (\`unionId\`, \`idempotencyKeyHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX \`uq_batch_idempotency\` ON \`batch\``);
        await queryRunner.query(`DROP INDEX \`idx_batch_base_start\` ON \`batch\``);
        await queryRunner.query(`DROP INDEX \`idx_batch_union_start\` ON \`batch\``);
        await queryRunner.query(`DROP INDEX \`idx_batch_status_hold\` ON \`batch\``);
        await queryRunner.query(`DROP INDEX \`uq_batch_reference\` ON \`batch\``);
        await queryRunner.query(`DROP TABLE \`batch\``);
        await queryRunner.query(`DROP INDEX \`idx_batch_event_batch\` ON \`batch_event\``);
        await queryRunner.query(`DROP TABLE \`batch_event\``);
        await queryRunner.query(`DROP INDEX \`uq_union_code\` ON \`trade_union\``);
        await queryRunner.query(`DROP TABLE \`trade_union\``);
        await queryRunner.query(`DROP INDEX \`idx_package_base\` ON \`package\``);
        await queryRunner.query(`DROP TABLE \`package\``);
        await queryRunner.query(`DROP TABLE \`capacity_night\``);
        await queryRunner.query(`DROP INDEX \`uq_base_code\` ON \`base\``);
        await queryRunner.query(`DROP TABLE \`base\``);
        await queryRunner.query(`DROP INDEX \`uq_user_username\` ON \`app_user\``);
        await queryRunner.query(`DROP TABLE \`app_user\``);
    }

}
