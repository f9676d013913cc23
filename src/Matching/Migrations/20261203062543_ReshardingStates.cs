using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dating.Matching.Migrations
{
    /// <inheritdoc />
    public partial class ReshardingStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "previous_shards",
                schema: "matching",
                table: "shard_maps",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                schema: "matching",
                table: "shard_maps",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Active"); // the maps written before resharding existed were all active

            migrationBuilder.CreateTable(
                name: "shard_map_acks",
                schema: "matching",
                columns: table => new
                {
                    replica = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shard_map_acks", x => x.replica);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shard_map_acks",
                schema: "matching");

            migrationBuilder.DropColumn(
                name: "previous_shards",
                schema: "matching",
                table: "shard_maps");

            migrationBuilder.DropColumn(
                name: "state",
                schema: "matching",
                table: "shard_maps");
        }
    }
}
