using Dating.BuildingBlocks.Persistence;
using Dating.Profiles.Data;

namespace Dating.Profiles.ProfileManagement;

/// <summary>
/// Public profiles as others read them: from the cache, else from a standby that has replayed the profile's last change
/// (<see cref="StandbyReads{TDbContext}"/>). A writer reports each change after its commit: the change is recorded
/// before the cached copy goes, so a read that missed because of it also waits for it.
/// </summary>
internal sealed class PublicProfiles(PublicProfileCache cache, StandbyReads<ProfilesDbContext> reads)
{
    public Task<PublicProfileSnapshot?> GetAsync(Guid userId, CancellationToken ct) =>
        cache.GetOrLoadAsync(userId, token => reads.ReadAsync(ReaderKey(userId), db => db.LoadPublicProfileAsync(userId, token), token), ct);

    /// <summary>After the commit that created the profile: nothing is cached yet, but a standby must not answer "no such profile".</summary>
    public Task CreatedAsync(Guid userId, CancellationToken ct) => reads.WroteAsync([ReaderKey(userId)], ct);

    /// <summary>After a commit that changed what <paramref name="userId"/>'s public profile shows.</summary>
    public async Task ChangedAsync(Guid userId, CancellationToken ct)
    {
        await reads.WroteAsync([ReaderKey(userId)], ct);
        await cache.InvalidateAsync(userId);
    }

    private static string ReaderKey(Guid userId) => $"profile:{userId}";
}
