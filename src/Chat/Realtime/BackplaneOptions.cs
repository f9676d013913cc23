namespace Dating.Chat.Realtime;

/// <summary><c>Chat:Backplane</c>: the Redis channel prefix every replica of one deployment shares.</summary>
internal sealed class BackplaneOptions
{
    public const string SectionName = "Chat:Backplane";

    public string ChannelPrefix { get; set; } = "dating-chat";
}
