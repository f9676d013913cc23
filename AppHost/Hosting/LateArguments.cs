namespace Dating.AppHost.Hosting;

internal static class LateArguments
{
    /// <summary>
    /// Arguments computed when the server starts, after the install step it waits for: only then are the
    /// programs' paths known.
    /// </summary>
    public static IResourceBuilder<T> WithLateArgs<T>(this IResourceBuilder<T> builder, Func<IEnumerable<string>> arguments)
        where T : IResourceWithArgs =>
        builder.WithArgs(context =>
        {
            foreach (var argument in arguments())
            {
                context.Args.Add(argument);
            }
        });
}
