using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Dating.Matching.Shards;

/// <summary>The host's <c>shards list|add|remove</c> verbs: the swipe shard map, changed online while the replicas serve.</summary>
internal static class ShardsCommand
{
    public static Command Create(IHost host)
    {
        var ackTimeout = new Option<int>("--ack-timeout")
        {
            Description = "seconds to wait for every live replica to use the new map before copying",
            DefaultValueFactory = _ => 60,
        };
        var shards = new Command("shards", "The swipe shards (ConnectionStrings:matching-shard-N): list them, or add or remove one online.");
        shards.Subcommands.Add(Verb(host, "list", "Shows the shard map version, its shards with their swipe counts and the replicas' map versions.", null, null));
        shards.Subcommands.Add(Verb(host, "add", "Adds a configured shard server to the map and moves to it the swipers the ring now places there.", "add", ackTimeout));
        shards.Subcommands.Add(Verb(host, "remove", "Moves a shard's swipers to the shards the ring names without it, then drops it from the map.", "remove", ackTimeout));
        return shards;
    }

    private static Command Verb(IHost host, string name, string description, string? change, Option<int>? ackTimeout)
    {
        var command = new Command(name, description);
        var shard = new Argument<string>("shard") { Description = "the shard's connection name, e.g. matching-shard-2" };
        if (change is not null)
        {
            command.Arguments.Add(shard);
            command.Options.Add(ackTimeout!);
        }

        // What follows is the host's configuration, e.g. --ConnectionStrings:matching-shard-2=...
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            await using var scope = host.Services.CreateAsyncScope();
            try
            {
                var module = scope.ServiceProvider.GetRequiredService<SwipeShards>().ModuleConnectionName;
                if (string.IsNullOrEmpty(scope.ServiceProvider.GetRequiredService<IConfiguration>().GetConnectionString(module)))
                {
                    throw new ReshardingException($"ConnectionStrings:{module} is not configured (the shard map is in that database); pass --ConnectionStrings:{module}=… after the command.");
                }

                var resharder = ActivatorUtilities.CreateInstance<Resharder>(scope.ServiceProvider);
                if (ackTimeout is not null)
                {
                    resharder.AckTimeout = TimeSpan.FromSeconds(result.GetValue(ackTimeout));
                }

                switch (change)
                {
                    case "add":
                        return (await resharder.AddAsync(result.GetValue(shard)!, output, ct)).Verified ? 0 : 1;
                    case "remove":
                        return (await resharder.RemoveAsync(result.GetValue(shard)!, output, ct)).Verified ? 0 : 1;
                    default:
                        await resharder.ListAsync(output, ct);
                        return 0;
                }
            }
            catch (ReshardingException exception)
            {
                await error.WriteLineAsync($"shards {name}: {exception.Message}");
                return 1;
            }
            catch (NpgsqlException exception)
            {
                await error.WriteLineAsync($"shards {name}: a database did not answer ({exception.Message}); run the command again to resume.");
                return 1;
            }
        });
        return command;
    }
}
