using System.Net;
using Dating.Contracts.Matching;
using Dating.Profiles.Blocks;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Profiles.Tests.Blocks;

/// <summary>UserBlocked arrives from Matching on the real bus; from then on neither user sees the other's profile.</summary>
public sealed class BlockTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>
{
    [Fact]
    public async Task Blocked_users_no_longer_see_each_other_while_everyone_else_still_sees_both()
    {
        using var client = service.CreateClient();
        var blocker = await client.RegisterAsync();
        var blocked = await client.RegisterAsync();
        var bystander = await client.RegisterAsync();

        // Both profiles are in the shared cache before the block: the block must hold anyway.
        await ShouldSeeAsync(client, blocked, blocker);
        await ShouldSeeAsync(client, blocker, blocked);

        await service.PublishAndWaitAsync(new UserBlocked(blocker.UserId, blocked.UserId, DateTimeOffset.UtcNow));

        using var unknown = await client.GetAsync($"/api/profiles/{Guid.NewGuid()}", blocked.Token);
        var unknownProblem = await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using (var response = await client.GetAsync($"/api/profiles/{blocker.UserId}", blocked.Token))
        {
            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldBe(unknownProblem);
        }

        using (var response = await client.GetAsync($"/api/profiles/{blocked.UserId}", blocker.Token))
        {
            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).ShouldBe(unknownProblem);
        }

        await ShouldSeeAsync(client, bystander, blocker);
        await ShouldSeeAsync(client, bystander, blocked);
        await ShouldSeeAsync(client, blocker, blocker);
    }

    [Fact]
    public async Task A_redelivered_UserBlocked_has_no_second_effect()
    {
        using var client = service.CreateClient();
        var blocker = await client.RegisterAsync();
        var blocked = await client.RegisterAsync();
        var message = new UserBlocked(blocker.UserId, blocked.UserId, DateTimeOffset.UtcNow);

        var messageId = await service.PublishAndWaitAsync(message);
        (await CountBlocksAsync(blocker.UserId, blocked.UserId)).ShouldBe(1);

        // Lifted behind the service's back (the row, and the two users' cached block lists): only a second effect of the
        // same message could bring it back.
        await service.QueryAsync(db => db.Blocks.Where(b => b.BlockerId == blocker.UserId).ExecuteDeleteAsync());
        await using (var scope = service.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BlockedUsers>().ChangedAsync(blocker.UserId, blocked.UserId);
        }

        await service.PublishAndWaitAsync(message, messageId);

        service.Handled.TimesHandled(messageId).ShouldBe(2);
        (await CountBlocksAsync(blocker.UserId, blocked.UserId)).ShouldBe(0);
        await ShouldSeeAsync(client, blocked, blocker);
    }

    [Fact]
    public async Task A_read_answers_from_the_cached_block_list_until_a_block_invalidates_it()
    {
        using var client = service.CreateClient();
        var viewer = await client.RegisterAsync();
        var owner = await client.RegisterAsync();
        await ShouldSeeAsync(client, viewer, owner);

        // A row written behind the service's back is not seen while the viewer's list is cached: the read did not ask PostgreSQL.
        await service.QueryAsync(db =>
        {
            db.Blocks.Add(new Block { BlockerId = owner.UserId, BlockedId = viewer.UserId, BlockedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        await ShouldSeeAsync(client, viewer, owner);

        // What the UserBlocked consumer does after its commit.
        await using (var scope = service.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BlockedUsers>().ChangedAsync(owner.UserId, viewer.UserId);
        }

        using var response = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token);
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_account_removes_its_blocks_in_both_directions_and_no_others()
    {
        using var client = service.CreateClient();
        var leaving = await client.RegisterAsync();
        var other = await client.RegisterAsync();
        var third = await client.RegisterAsync();
        await service.PublishAndWaitAsync(new UserBlocked(leaving.UserId, other.UserId, DateTimeOffset.UtcNow));
        await service.PublishAndWaitAsync(new UserBlocked(third.UserId, leaving.UserId, DateTimeOffset.UtcNow));
        await service.PublishAndWaitAsync(new UserBlocked(other.UserId, third.UserId, DateTimeOffset.UtcNow));

        using var delete = await client.SendAsync(HttpMethod.Delete, "/api/profiles/me", leaving.Token);
        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await service.QueryAsync(db => db.Blocks.CountAsync(b => b.BlockerId == leaving.UserId || b.BlockedId == leaving.UserId)))
            .ShouldBe(0);
        (await CountBlocksAsync(other.UserId, third.UserId)).ShouldBe(1);
    }

    private Task<int> CountBlocksAsync(Guid blockerId, Guid blockedId) =>
        service.QueryAsync(db => db.Blocks.CountAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId));

    private static async Task ShouldSeeAsync(ProfilesClient client, SessionResult viewer, SessionResult owner)
    {
        using var response = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token);
        (await response.ShouldBeJsonAsync<PublicProfile>(HttpStatusCode.OK)).UserId.ShouldBe(owner.UserId);
    }
}
