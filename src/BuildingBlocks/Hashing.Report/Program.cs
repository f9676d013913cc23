using Dating.BuildingBlocks.Hashing;

// Key movement when a node joins 4 or 8: consistent hashing versus hash mod N (the table in the README and in src/Gateway/README.md).
// dotnet run --project src/BuildingBlocks/Hashing.Report
const int Keys = 100_000;
Console.WriteLine($"{Keys:N0} random user ids; consistent hashing with {ConsistentHashRing.DefaultVirtualNodes} virtual nodes per node.");
Console.WriteLine();
Console.Write(KeyMovementReport.Markdown(KeyMovementReport.Run([4, 8], Keys)));
