using System.Text;
using Dating.AppHost.Orchestration;

namespace Dating.AppHost.Console;

/// <summary>The table of resources printed once the stack is up.</summary>
public static class ResourceTable
{
    public static string Render(IReadOnlyList<ResourceRow> rows)
    {
        string[] headers = ["NAME", "STATE", "URL", "PID"];
        var cells = rows.Select(r => new[] { r.Name, r.State, r.Url, r.Pid?.ToString() ?? "-" }).ToList();
        var widths = headers.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine(Row(headers, widths));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('─', w))));
        foreach (var row in cells)
        {
            text.AppendLine(Row(row, widths));
        }

        return text.ToString();
    }

    private static string Row(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
