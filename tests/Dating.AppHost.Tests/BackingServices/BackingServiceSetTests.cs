using Azure.Storage.Blobs;
using Dating.AppHost.BackingServices;
using Dating.AppHost.Processes;
using Dating.Testing;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Dating.AppHost.Tests.BackingServices;

// Starts its own set (not the shared fixture) because it stops it.
public sealed class BackingServiceSetTests
{
    [Fact]
    public async Task All_four_servers_start_from_nothing_answer_and_leave_no_process_after_stop()
    {
        var options = BackingServicesOptions.ForTests(TestLog.Write);
        Directory.Exists(options.DataDirectory).ShouldBeFalse();
        var set = await BackingServiceSet.StartAsync(options, TestContext.Current.CancellationToken);
        int[] pids;
        try
        {
            pids = [.. set.All.Select(s => s.Pid ?? 0)];
            pids.ShouldAllBe(pid => pid > 0 && Signals.IsAlive(pid));

            await using (var connection = new NpgsqlConnection(set.Postgres.ConnectionString("profiles")))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = new NpgsqlCommand("SELECT current_database() || ' ' || current_setting('fsync')", connection);
                (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("profiles off");
            }

            await using (var redis = await ConnectionMultiplexer.ConnectAsync(set.Redis.ConnectionString))
            {
                (await redis.GetDatabase().PingAsync()).ShouldBeGreaterThan(TimeSpan.Zero);
                (await redis.GetDatabase().StringSetAsync("k", "v")).ShouldBeTrue();
            }

            var factory = new ConnectionFactory { Uri = new Uri(set.RabbitMq!.ConnectionString) };
            await using (var amqp = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken))
            {
                await using var channel = await amqp.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
                var queue = await channel.QueueDeclareAsync(cancellationToken: TestContext.Current.CancellationToken);
                queue.QueueName.ShouldNotBeNullOrEmpty();
            }

            var container = new BlobContainerClient(set.Azurite.ConnectionString, "round-trip");
            await container.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
            await container.UploadBlobAsync("hello.txt", BinaryData.FromString("hello"), TestContext.Current.CancellationToken);
            var downloaded = await container.GetBlobClient("hello.txt").DownloadContentAsync(TestContext.Current.CancellationToken);
            downloaded.Value.Content.ToString().ShouldBe("hello");

            using var management = new HttpClient();
            (await management.GetAsync(set.RabbitMq.ManagementUrl, TestContext.Current.CancellationToken)).IsSuccessStatusCode.ShouldBeTrue();
        }
        finally
        {
            await set.StopAsync();
        }

        pids.ShouldAllBe(pid => !Signals.IsAlive(pid));
        ProcessesListeningOrRunningWith(options.DataDirectory).ShouldBeEmpty();
        BackingServicePorts.IsInUse(options.Ports.Postgres).ShouldBeFalse();
        BackingServicePorts.IsInUse(options.Ports.RabbitMq).ShouldBeFalse();
        BackingServicePorts.IsInUse(options.Ports.Epmd).ShouldBeFalse();
        Directory.Exists(options.DataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stopped_server_starts_again_on_the_same_port_with_its_data()
    {
        var options = BackingServicesOptions.ForTests(TestLog.Write) with { IncludeRabbitMq = false };
        await using var set = await BackingServiceSet.StartAsync(options, TestContext.Current.CancellationToken);
        var connectionString = set.Postgres.ConnectionString("chat");
        await Execute(connectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42);");

        await set.Postgres.StopAsync();
        set.Postgres.IsRunning.ShouldBeFalse();
        await Should.ThrowAsync<NpgsqlException>(() => Execute(connectionString, "SELECT 1"));

        await set.Postgres.StartAsync(TestContext.Current.CancellationToken);
        (await Execute(connectionString, "SELECT id FROM kept")).ShouldBe(42);
    }

    private static async Task<object?> Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=3");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    // Any process whose command line or environment names the data folder is one of ours.
    private static List<string> ProcessesListeningOrRunningWith(string dataDirectory) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => (Dir: d, CommandLine: ReadQuietly(Path.Combine(d, "cmdline"))))
            .Where(p => p.CommandLine.Contains(dataDirectory, StringComparison.Ordinal))
            .Select(p => $"{Path.GetFileName(p.Dir)}: {p.CommandLine}")];

    private static string ReadQuietly(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
