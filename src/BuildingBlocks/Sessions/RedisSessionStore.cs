using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.BuildingBlocks.Sessions;

/// <summary>
/// <c>session:{sha256(token)}</c> is a hash {user, expires} with a sliding TTL;
/// <c>session-user:{userId}</c> is the set of that user's session hashes, so every session can be revoked at once.
/// </summary>
internal sealed class RedisSessionStore(IConnectionMultiplexer redis, IOptions<SessionOptions> options, TimeProvider time, ILogger<RedisSessionStore> logger)
    : ISessionStore
{
    private const string UserField = "user";
    private const string ExpiresField = "expires";

    private readonly SessionOptions _options = options.Value;

    private IDatabase Database => redis.GetDatabase();

    public async Task<IssuedSession> CreateAsync(Guid userId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var token = SessionToken.Generate();
        var hash = SessionToken.Hash(token);
        var expiresAt = time.GetUtcNow() + _options.Lifetime;

        var transaction = Database.CreateTransaction();
        var writes = new Task[]
        {
            transaction.HashSetAsync(SessionKey(hash),
            [
                new HashEntry(UserField, userId.ToString()),
                new HashEntry(ExpiresField, expiresAt.ToUnixTimeMilliseconds()),
            ]),
            transaction.KeyExpireAsync(SessionKey(hash), _options.Lifetime),
            transaction.SetAddAsync(UserKey(userId), hash),
            transaction.KeyExpireAsync(UserKey(userId), _options.Lifetime),
        };
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
        await WaitForReplicasAsync();

        return new IssuedSession(token, expiresAt);
    }

    public async Task<SessionInfo?> ValidateAsync(string token, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!SessionToken.IsWellFormed(token))
        {
            return null;
        }

        var key = SessionKey(SessionToken.Hash(token));
        var values = await Database.HashGetAsync(key, [UserField, ExpiresField]);
        if (!Guid.TryParse((string?)values[0], out var userId) || !values[1].TryParse(out long expiresMs))
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(expiresMs);
        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            return null;
        }

        var renewed = now + _options.Lifetime;
        if (renewed - expiresAt < _options.SlidingGranularity)
        {
            return new SessionInfo(userId, expiresAt);
        }

        // Only extend a session that still exists: a concurrent logout must win.
        var transaction = Database.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(key));
        var writes = new Task[]
        {
            transaction.HashSetAsync(key, ExpiresField, renewed.ToUnixTimeMilliseconds()),
            transaction.KeyExpireAsync(key, _options.Lifetime),
            transaction.KeyExpireAsync(UserKey(userId), _options.Lifetime),
        };
        if (!await transaction.ExecuteAsync())
        {
            return null;
        }

        await Task.WhenAll(writes);
        return new SessionInfo(userId, renewed);
    }

    public async Task RevokeAsync(string token, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!SessionToken.IsWellFormed(token))
        {
            return;
        }

        var hash = SessionToken.Hash(token);
        var key = SessionKey(hash);
        var user = await Database.HashGetAsync(key, UserField);
        await Database.KeyDeleteAsync(key);
        if (Guid.TryParse((string?)user, out var userId))
        {
            await Database.SetRemoveAsync(UserKey(userId), hash);
        }
    }

    public async Task RevokeAllAsync(Guid userId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var userKey = UserKey(userId);
        var hashes = await Database.SetMembersAsync(userKey);
        var keys = hashes.Select(hash => SessionKey(hash.ToString())).Append(userKey).ToArray();
        await Database.KeyDeleteAsync(keys);
    }

    // Redis replicates asynchronously: WAIT holds the answer until the replicas have every write made so far, so a
    // session a client holds is on the replica Sentinel would promote. StackExchange.Redis has no WAIT method of its own.
    private async Task WaitForReplicasAsync()
    {
        if (_options.ReplicaAcknowledgements <= 0)
        {
            return;
        }

        var acknowledged = (long)await Database.ExecuteAsync("WAIT", _options.ReplicaAcknowledgements, (long)_options.ReplicaAcknowledgementTimeout.TotalMilliseconds);
        if (acknowledged < _options.ReplicaAcknowledgements)
        {
            // A dead replica costs the wait, not the login: availability first, and the session is lost only if the master dies too.
            logger.LogWarning("A new session reached {Acknowledged} of {Wanted} Redis replicas within {Timeout}", acknowledged, _options.ReplicaAcknowledgements, _options.ReplicaAcknowledgementTimeout);
        }
    }

    private static RedisKey SessionKey(string hash) => $"session:{hash}";

    private static RedisKey UserKey(Guid userId) => $"session-user:{userId}";
}
