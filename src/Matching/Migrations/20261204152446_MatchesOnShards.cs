using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dating.Matching.Migrations
{
    /// <inheritdoc />
    public partial class MatchesOnShards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Matches moved to the shards. Hand-edited from a DropTable: the rows wait here until a replica's start copies
            // each to its shard and drops the table (ShardStartup, LegacyMatches), since a migration cannot reach other servers.
            migrationBuilder.RenameTable(name: "matches", schema: "matching", newName: LegacyMatches.Table);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: LegacyMatches.Table, schema: "matching", newName: "matches");
        }
    }
}
