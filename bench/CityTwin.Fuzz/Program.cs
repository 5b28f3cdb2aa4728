using CityTwin.Fuzz;
using SharpFuzz;

if (args.Length != 1 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: CityTwin.Fuzz TARGET   (targets: {string.Join(", ", FuzzTargets.All.Keys)})");
    return 2;
}
if (Environment.GetEnvironmentVariable("__AFL_SHM_ID") is null)
{
    // Not under afl-fuzz: run the target once on stdin, to replay a crash by hand.
    using var input = Console.OpenStandardInput();
    using var buffer = new MemoryStream();
    input.CopyTo(buffer);
    target(buffer.ToArray());
    return 0;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
