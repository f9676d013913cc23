using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dating.Matching.Migrations.Shards
{
    /// <inheritdoc />
    public partial class MatchesOnShards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "matches",
                schema: "matching_swipes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_a = table.Column<Guid>(type: "uuid", nullable: false),
                    user_b = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matches", x => x.id);
                    table.CheckConstraint("ck_matches_ordered_pair", "user_a < user_b");
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "matching_swipes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_matches_user_b",
                schema: "matching_swipes",
                table: "matches",
                column: "user_b");

            migrationBuilder.CreateIndex(
                name: "ux_matches_pair",
                schema: "matching_swipes",
                table: "matches",
                columns: new[] { "user_a", "user_b" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_dispatched_at",
                schema: "matching_swipes",
                table: "outbox_messages",
                column: "dispatched_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "matching_swipes",
                table: "outbox_messages",
                columns: new[] { "created_at", "id" },
                filter: "dispatched_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "matches",
                schema: "matching_swipes");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "matching_swipes");
        }
    }
}
