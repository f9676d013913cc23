using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.Blocks;

internal static class BlockQueries
{
    /// <summary>Whether either user blocked the other: two primary-key probes, cheap enough for every read.</summary>
    public static Task<bool> AnyBetweenAsync(this IQueryable<Block> blocks, Guid userId, Guid otherUserId, CancellationToken ct) =>
        blocks.AnyAsync(
            b => (b.BlockerId == userId && b.BlockedId == otherUserId) || (b.BlockerId == otherUserId && b.BlockedId == userId),
            ct);

    public static IQueryable<Block> Involving(this IQueryable<Block> blocks, Guid userId) =>
        blocks.Where(b => b.BlockerId == userId || b.BlockedId == userId);
}
