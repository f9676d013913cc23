using System.Collections;

namespace Microsoft.Extensions.Hosting;

// The logging scope of one request: structured ("RequestId" = id) and readable ("RequestId:id") in console output.
internal sealed class RequestIdLogScope(string requestId) : IReadOnlyList<KeyValuePair<string, object>>
{
    public int Count => 1;

    public KeyValuePair<string, object> this[int index] =>
        index == 0 ? new(RequestId.LogScopeKey, requestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{RequestId.LogScopeKey}:{requestId}";
}
