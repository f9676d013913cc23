using Dating.BuildingBlocks.Persistence;
using Dating.Matching.Candidates;
using Dating.Matching.Data;
using Dating.Matching.Swipes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Dating.Matching.Recommendations;

/// <summary>
/// The compatibility query, in SQL: both sides' gender and age preferences, distance within both maxima,
/// nobody the caller swiped or who blocked or was blocked by the caller; ranked by distance minus a bonus per shared interest.
/// The caller's swipes live on their shard, not beside the cards: they are read first, from that one shard, and excluded as a list.
/// The scan itself tolerates a little lag and runs on a standby that has replayed the caller's own blocks.
/// </summary>
internal sealed class CandidateFinder(MatchingDbContext db, SwipeStore swipes, StandbyReads<MatchingDbContext> reads, TimeProvider time)
{
    /// <summary>Each shared interest counts like being this many kilometres closer.</summary>
    private const double SharedInterestBonusKm = 5;

    private const string Select =
        """
        SELECT c.user_id, c.display_name, c.birth_date, d.km, c.bio, c.interests, p.photo_id
        FROM matching.candidates c
        CROSS JOIN LATERAL (SELECT 2 * @earth_radius_km * asin(least(1.0, sqrt(
            power(sin(radians(c.latitude - @lat) / 2), 2)
            + cos(radians(@lat)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - @lon) / 2), 2)))) AS km) d
        LEFT JOIN matching.primary_photos p ON p.user_id = c.user_id
        WHERE c.user_id <> @me
          AND (c.interested_in & @my_gender) <> 0
          AND (c.gender & @my_interested_in) <> 0
          AND c.birth_date > @born_after AND c.birth_date <= @born_by
          AND c.age_min <= @my_age AND c.age_max >= @my_age
          AND d.km <= @my_max_km AND d.km <= c.max_distance_km
          AND NOT (c.user_id = ANY(@swiped))
          AND NOT EXISTS (SELECT 1 FROM matching.blocks b WHERE b.blocker_id = @me AND b.blocked_id = c.user_id)
          AND NOT EXISTS (SELECT 1 FROM matching.blocks b WHERE b.blocker_id = c.user_id AND b.blocked_id = @me)
        """;

    // A match needs the caller's like, so matched users are already excluded as swiped.
    private const string Nearby =
        Select +
        """

          AND c.latitude BETWEEN @lat_min AND @lat_max
          AND c.longitude BETWEEN @lon_min AND @lon_max
        ORDER BY d.km - @bonus_km * cardinality(ARRAY(SELECT unnest(c.interests) INTERSECT SELECT unnest(@interests))), c.user_id
        LIMIT @limit
        """;

    private const string Among =
        Select +
        """

          AND c.user_id = ANY(@ids)
        ORDER BY array_position(@ids, c.user_id)
        """;

    public Task<CandidateCard?> FindCardAsync(Guid userId, CancellationToken ct) =>
        db.Candidates.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, ct);

    /// <summary>The best <paramref name="limit"/> candidates for the caller, searched around their location.</summary>
    public async Task<List<Candidate>> FindAsync(CandidateCard me, int limit, CancellationToken ct)
    {
        var box = GeoBox.Around(me.Latitude, me.Longitude, me.MaxDistanceKm);
        var swiped = await swipes.SwipedByAsync(me.UserId, among: null, ct);
        return await QueryAsync(Nearby, me, swiped, parameters =>
        {
            parameters.AddWithValue("lat_min", box.LatitudeMin);
            parameters.AddWithValue("lat_max", box.LatitudeMax);
            parameters.AddWithValue("lon_min", box.LongitudeMin);
            parameters.AddWithValue("lon_max", box.LongitudeMax);
            parameters.AddWithValue("bonus_km", SharedInterestBonusKm);
            parameters.AddWithValue("interests", NpgsqlDbType.Array | NpgsqlDbType.Text, me.Interests);
            parameters.AddWithValue("limit", limit);
        }, ct);
    }

    /// <summary>Which of these (queued) users are still candidates for the caller, fresh from the database, in the given order.</summary>
    public async Task<List<Candidate>> FindAmongAsync(CandidateCard me, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var swiped = await swipes.SwipedByAsync(me.UserId, ids, ct);
        return await QueryAsync(Among, me, swiped, parameters => parameters.AddWithValue("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid, ids.ToArray()), ct);
    }

    /// <summary>The key under which a user's writes that the scan must see (blocks, either way) are recorded.</summary>
    public static string ReaderKey(Guid userId) => $"user:{userId}";

    private Task<List<Candidate>> QueryAsync(
        string sql, CandidateCard me, Guid[] swiped, Action<NpgsqlParameterCollection> addParameters, CancellationToken ct) =>
        reads.ReadAsync(ReaderKey(me.UserId), scan => QueryAsync(scan, sql, me, swiped, addParameters, ct), ct);

    private async Task<List<Candidate>> QueryAsync(
        MatchingDbContext db, string sql, CandidateCard me, Guid[] swiped, Action<NpgsqlParameterCollection> addParameters, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var parameters = command.Parameters;
            parameters.AddWithValue("earth_radius_km", GeoBox.EarthRadiusKm);
            parameters.AddWithValue("me", me.UserId);
            parameters.AddWithValue("swiped", NpgsqlDbType.Array | NpgsqlDbType.Uuid, swiped);
            parameters.AddWithValue("lat", me.Latitude);
            parameters.AddWithValue("lon", me.Longitude);
            parameters.AddWithValue("my_gender", me.Gender);
            parameters.AddWithValue("my_interested_in", me.InterestedIn);
            parameters.AddWithValue("my_age", Ages.At(me.BirthDate, today));
            parameters.AddWithValue("my_max_km", (double)me.MaxDistanceKm);

            // Age within [min, max]: born on or before today - min years, and after today - (max + 1) years.
            parameters.AddWithValue("born_by", today.AddYears(-me.AgeMin));
            parameters.AddWithValue("born_after", today.AddYears(-(me.AgeMax + 1)));
            addParameters(parameters);

            var candidates = new List<Candidate>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                candidates.Add(new Candidate(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetFieldValue<DateOnly>(2),
                    reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetFieldValue<string[]>(5),
                    reader.IsDBNull(6) ? null : reader.GetGuid(6)));
            }

            return candidates;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
