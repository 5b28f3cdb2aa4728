using CityTwin.Training.Fire;

// dotnet run --project training/fire/FireTraining -c Release -- featurize|train ... (see docs/models/fire-detector.md)
var shared = Environment.GetEnvironmentVariable("CITYTWIN_SHARED") ?? "../shared";
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
var cache = Arg("--cache", ".data/fire");
switch (args.FirstOrDefault())
{
    case "featurize":
        return Featurizer.Run(Arg("--data", Path.Combine(shared, "data/fire/roboflow_fire-wrpgm_v8/train")), cache,
            int.Parse(Arg("--variants", "3")), int.Parse(Arg("--seed", "18")), int.Parse(Arg("--threads", "2")));
    case "train":
        return HeadTrainer.Run(cache, Arg("--out", "models/fire"), int.Parse(Arg("--seed", "18")), int.Parse(Arg("--folds", "5")));
    default:
        Console.Error.WriteLine("usage: citytwin-fire-training featurize [--data DIR] [--cache DIR] [--variants N] [--seed N] [--threads N]");
        Console.Error.WriteLine("       citytwin-fire-training train [--cache DIR] [--out DIR] [--seed N] [--folds K]");
        return 2;
}
