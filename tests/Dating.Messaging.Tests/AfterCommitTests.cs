using Dating.BuildingBlocks.Messaging;
using Dating.Messaging.Tests.Orders;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dating.Messaging.Tests;

public sealed class AfterCommitTests
{
    private readonly BackingServicesFixture _fixture;
    private readonly Warnings _warnings = new();
    private readonly AfterCommit _afterCommit;
    private int _runs;

    public AfterCommitTests(BackingServicesFixture fixture)
    {
        _fixture = fixture;
        _afterCommit = new AfterCommit(_warnings);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Work_waits_for_the_commit_and_runs_once()
    {
        await using var db = await CreateDbAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            Enqueue(db);
            await SaveOrderAsync(db);
            _runs.ShouldBe(0, "saved, not committed");
            await transaction.CommitAsync(Ct);
        }

        await using (var next = await db.Database.BeginTransactionAsync(Ct))
        {
            await SaveOrderAsync(db);
            await next.CommitAsync(Ct);
        }

        _runs.ShouldBe(1);
    }

    [Fact]
    public async Task Work_of_a_rolled_back_transaction_never_runs()
    {
        await using var db = await CreateDbAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            Enqueue(db);
            await SaveOrderAsync(db);
            await transaction.RollbackAsync(Ct);
        }

        await CommitAnotherOrderAsync(db);
        _runs.ShouldBe(0);
    }

    [Fact]
    public async Task Work_of_a_transaction_disposed_without_a_commit_never_runs()
    {
        await using var db = await CreateDbAsync();
        await using (await db.Database.BeginTransactionAsync(Ct))
        {
            Enqueue(db);
            await SaveOrderAsync(db);
        }

        await CommitAnotherOrderAsync(db);
        _runs.ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_transaction_work_runs_after_the_next_SaveChanges_and_not_after_a_failed_one()
    {
        await using var db = await CreateDbAsync();
        Enqueue(db);
        _runs.ShouldBe(0);
        var order = await SaveOrderAsync(db);
        _runs.ShouldBe(1);

        Enqueue(db);
        db.ChangeTracker.Clear();
        db.Orders.Add(new Order { Id = order.Id, Item = "again" }); // duplicate key: SaveChanges throws
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        db.ChangeTracker.Clear();
        await SaveOrderAsync(db);
        _runs.ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_action_is_logged_and_neither_the_commit_nor_the_other_actions_suffer()
    {
        await using var db = await CreateDbAsync();
        Order order;
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            _afterCommit.Enqueue(db, () => throw new InvalidOperationException("The push failed."));
            Enqueue(db);
            order = await SaveOrderAsync(db);
            await transaction.CommitAsync(Ct);
        }

        _runs.ShouldBe(1);
        _warnings.Logged.ShouldHaveSingleItem().ShouldBeOfType<InvalidOperationException>();
        (await db.Orders.AsNoTracking().AnyAsync(o => o.Id == order.Id, Ct)).ShouldBeTrue();
    }

    private async Task<OrdersDbContext> CreateDbAsync()
    {
        var options = new DbContextOptionsBuilder<OrdersDbContext>()
            .UseNpgsql(await _fixture.CreateDatabaseAsync("messaging"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(_afterCommit)
            .Options;
        var db = new OrdersDbContext(options);
        await db.Database.EnsureCreatedAsync(Ct);
        return db;
    }

    private void Enqueue(OrdersDbContext db) => _afterCommit.Enqueue(db, () =>
    {
        _runs++;
        return Task.CompletedTask;
    });

    private static async Task<Order> SaveOrderAsync(OrdersDbContext db)
    {
        var order = new Order { Id = Guid.NewGuid(), Item = "roses" };
        db.Orders.Add(order);
        await db.SaveChangesAsync(Ct);
        return order;
    }

    private static async Task CommitAnotherOrderAsync(OrdersDbContext db)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await SaveOrderAsync(db);
        await transaction.CommitAsync(Ct);
    }

    private sealed class Warnings : ILogger<AfterCommit>
    {
        public List<Exception?> Logged { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                Logged.Add(exception);
            }
        }
    }
}
