using System.Diagnostics;
using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Dating.Matching.Seeding;

/// <summary>Fills the matching read model with synthetic users for load tests, with one binary COPY.</summary>
public static class MatchingSeeder
{
    /// <summary>Applies migrations, then inserts <paramref name="count"/> synthetic candidate cards.</summary>
    /// <returns>The ids of the users created.</returns>
    public static async Task<IReadOnlyList<Guid>> SeedMatchingAsync(
        this IServiceProvider services, int count, int? randomSeed = null, TextWriter? log = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        await db.Database.MigrateAsync(ct);

        var stopwatch = Stopwatch.StartNew();
        var users = new SyntheticUsers(
            randomSeed is { } seed ? new Random(seed) : new Random(),
            DateOnly.FromDateTime(DateTime.UtcNow));
        var ids = new List<Guid>(count);

        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            """
            COPY matching.candidates (user_id, display_name, birth_date, gender, interested_in, age_min, age_max,
                max_distance_km, latitude, longitude, bio, interests, profile_version) FROM STDIN (FORMAT BINARY)
            """,
            ct))
        {
            for (var i = 0; i < count; i++)
            {
                var card = users.Next();
                ids.Add(card.UserId);
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(card.UserId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(card.DisplayName, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(card.BirthDate, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(card.Gender, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(card.InterestedIn, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(card.AgeMin, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(card.AgeMax, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(card.MaxDistanceKm, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(card.Latitude, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(card.Longitude, NpgsqlDbType.Double, ct);
                if (card.Bio is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(card.Bio, NpgsqlDbType.Text, ct);
                }

                await copy.WriteAsync(card.Interests, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(card.ProfileVersion, NpgsqlDbType.TimestampTz, ct);
            }

            await copy.CompleteAsync(ct);
        }

        // Fresh statistics, so the planner uses the location index right away.
        await using (var analyze = new NpgsqlCommand("ANALYZE matching.candidates", connection))
        {
            await analyze.ExecuteNonQueryAsync(ct);
        }

        log?.WriteLine($"Seeded {count} synthetic users into the matching read model in {stopwatch.Elapsed.TotalSeconds:F1} s.");
        return ids;
    }
}
